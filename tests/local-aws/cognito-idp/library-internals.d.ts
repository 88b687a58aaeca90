// amazon-cognito-identity-js ships no types for its internal modules; the SRP tests compare
// against them, so they are declared as opaque and narrowed where used.
declare module 'amazon-cognito-identity-js/lib/AuthenticationHelper.js' {
  const AuthenticationHelper: unknown;
  export default AuthenticationHelper;
}
declare module 'amazon-cognito-identity-js/lib/BigInteger.js' {
  const BigInteger: unknown;
  export default BigInteger;
}
