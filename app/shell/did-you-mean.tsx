// A place read with a typo, or one of several of that name: which was searched, and the others.
interface Props {
  shown: string;
  alternatives: string[];
  onChoose: (where: string) => void;
}

export function DidYouMean({ shown, alternatives, onChoose }: Props) {
  return (
    <p className="hint did-you-mean" role="status">
      Showing results near <strong><bdi>{shown}</bdi></strong>, the closest match.
      {alternatives.length > 0 && <> Did you mean{' '}</>}
      {alternatives.map((place, i) => (
        <span key={place}>
          {i > 0 && (i === alternatives.length - 1 ? ' or ' : ', ')}
          <button type="button" className="link-button" onClick={() => onChoose(place)}><bdi>{place}</bdi></button>
        </span>
      ))}{alternatives.length > 0 && '?'}
    </p>
  );
}
