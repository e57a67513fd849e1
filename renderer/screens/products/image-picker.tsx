/** The product's picture: a file chosen on this till, made small here (resize-image.ts) and kept in the product. */
import { useId } from 'react';
import { resizeImage } from './resize-image';

interface ImagePickerProps {
  image: string;
  name: string;
  onChange: (dataUrl: string) => void;
  onError: (message: string) => void;
}

export function ImagePicker({ image, name, onChange, onError }: ImagePickerProps) {
  const id = useId();
  const choose = async (file: File | undefined) => {
    if (!file) return;
    try {
      onChange(await resizeImage(file));
    } catch (error) {
      onError(error instanceof Error ? error.message : 'This picture could not be used.');
    }
  };
  return (
    <div className="field image-picker">
      <label htmlFor={id}>Picture</label>
      <span className="inline-form">
        {image ? <img className="product-thumb" src={image} alt={`Picture of ${name || 'the product'}`} /> : null}
        <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif,image/bmp" onChange={(e) => void choose(e.target.files?.[0])} />
        {image ? (
          <button type="button" className="button-small button-secondary" onClick={() => onChange('')}>
            Remove picture
          </button>
        ) : null}
      </span>
      <span className="field-hint">Made at most 256 pixels wide or high, and kept with the product so every till shows it offline.</span>
    </div>
  );
}
