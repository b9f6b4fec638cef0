// "Copy link": the URL is the search, so sharing it shares the results (nothing is sent anywhere).
import { useState } from 'react';

export function CopyLink() {
  const [said, setSaid] = useState('');
  const copy = () => navigator.clipboard.writeText(window.location.href).then(
    () => setSaid('Link copied.'),
    () => setSaid('Copying is not allowed here: copy the address from the address bar.'),
  );
  return (
    <p className="copy-link">
      <button type="button" onClick={copy}>Copy link to these results</button> <span role="status">{said}</span>
    </p>
  );
}
