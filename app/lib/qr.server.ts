import { encode } from "uqr";

/**
 * A QR code as an SVG drawing, made here (uqr: no network, no image service). Error correction
 * "M" survives a poster's wear; the quiet zone of four modules is what phone cameras expect.
 * docs/decisions/0021-observe-and-listen.md
 */
export function qrSvg(text: string, label: string): string {
  const { data, size } = encode(text, { ecc: "M", border: 4 });
  let path = "";
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x += 1;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  const title = label.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" ` +
    `shape-rendering="crispEdges"><title>${title}</title>` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`
  );
}
