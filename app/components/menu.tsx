import { useEffect, useRef, type ReactNode } from "react";

/**
 * A menu of actions behind one button: a <details>, so that it opens without JavaScript; with it,
 * a click elsewhere or Escape closes it again.
 */
export function Menu({
  label,
  children,
  className,
  open,
}: {
  label: ReactNode;
  children: ReactNode;
  className?: string;
  /** Open from the start (a form inside came back with something to fix). */
  open?: boolean;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (event: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (event instanceof KeyboardEvent ? event.key === "Escape" : !menu.contains(event.target as Node)) {
        menu.open = false;
        if (event instanceof KeyboardEvent) menu.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={ref} className={`pionieri-menu${className ? ` ${className}` : ""}`} open={open}>
      <summary className="btn btn-outline-primary btn-sm">{label}</summary>
      <div className="pionieri-menu-body">{children}</div>
    </details>
  );
}
