// amazon-cognito-identity-js ships its jsbn BigInteger without types; fast-srp-math.ts reaches in
// to give it a faster modPow, and needs only this much of it.
declare module 'amazon-cognito-identity-js/lib/BigInteger.js' {
  interface JsbnBigInteger {
    toString(radix: number): string;
    modPow(
      exponent: JsbnBigInteger,
      modulus: JsbnBigInteger,
      callback?: (error: Error | null, result: JsbnBigInteger) => void,
    ): JsbnBigInteger;
  }
  const BigInteger: {
    new (value: string, radix: number): JsbnBigInteger;
    prototype: JsbnBigInteger;
  };
  export default BigInteger;
}
