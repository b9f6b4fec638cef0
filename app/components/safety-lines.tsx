// Always on screen, whatever else fails: where to turn right now.
export function SafetyLines() {
  return (
    <aside className="safety-lines" aria-label="Help right now">
      <p>
        In crisis? Call or text <a href="tel:988">988</a> (Suicide &amp; Crisis Lifeline).
        {' '}SAMHSA National Helpline: <a href="tel:+18006624357">1-800-662-4357</a>, free, confidential, 24/7.
      </p>
    </aside>
  );
}
