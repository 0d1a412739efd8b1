/** Line icons for the navigation rail, drawn as SVG so no font can be missing a glyph. */
export type IconName = 'trade' | 'heatmap' | 'decay' | 'planner' | 'journal' | 'data' | 'settings';

const PATHS: Record<IconName, string> = {
  trade: 'M7 4v16M7 8h-2v8h2M17 4v16M17 6h2v6h-2M12 2v20M12 10h-2v4h2',
  heatmap: 'M3 3h5v5H3zM10 3h4v5h-4zM16 3h5v5h-5zM3 10h5v4H3zM10 10h4v4h-4zM16 10h5v4h-5zM3 16h5v5H3zM10 16h4v5h-4zM16 16h5v5h-5z',
  decay: 'M3 6c3 0 3 5 6 5s3-4 6-4 3 6 6 6M3 18h18',
  planner: 'M12 3v4M12 17v4M3 12h4M17 12h4M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8z',
  journal: 'M5 3h11l3 3v15H5zM9 8h6M9 12h6M9 16h4',
  data: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  settings: 'M12 9a3 3 0 1 0 0 6a3 3 0 1 0 0-6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
