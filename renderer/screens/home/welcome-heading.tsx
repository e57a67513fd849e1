/** The home screen's heading; it takes focus so a screen reader announces where the login led. */
import { useEffect, useRef } from 'react';

export function WelcomeHeading({ name }: { name: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <h1 ref={ref} tabIndex={-1}>
      Welcome, {name}
    </h1>
  );
}
