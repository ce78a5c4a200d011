/** A size scaled to fill the room there is, keeping its shape: small pictures are scaled up as large ones are scaled down. */
export function fitInto(size: { width: number; height: number }, room: { width: number; height: number }): { width: number; height: number } | null {
  if (size.width <= 0 || size.height <= 0) return null;
  const scale = Math.min(room.width / size.width, room.height / size.height);
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}
