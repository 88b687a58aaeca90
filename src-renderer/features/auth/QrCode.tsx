import { useEffect, useState } from 'react';

/** A QR code drawn locally into a data: URL (nothing leaves the machine, CSP allows data: images). */
export function QrCode({
  value,
  label,
  size = 192,
}: {
  value: string;
  label: string;
  size?: number;
}) {
  const [drawn, setDrawn] = useState<{ value: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    // Loaded on demand: only TOTP enrolment needs the encoder.
    import('qrcode')
      .then(({ toDataURL }) =>
        toDataURL(value, { errorCorrectionLevel: 'M', margin: 1, width: size * 2 }),
      )
      .then(
        (url) => {
          if (current) setDrawn({ value, url });
        },
        () => {},
      );
    return () => {
      current = false;
    };
  }, [value, size]);
  // Never show the code of a previous value while the new one is drawn.
  if (drawn?.value !== value)
    return <div className="qr qr-pending" style={{ width: size, height: size }} />;
  return <img className="qr" src={drawn.url} alt={label} width={size} height={size} />;
}
