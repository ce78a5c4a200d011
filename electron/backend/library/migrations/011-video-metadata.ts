import type { Migration } from './migration.ts';

export const m011VideoMetadata: Migration = {
  version: 11,
  name: 'what ffprobe reads from a video: its length, frame rate, frame count and codec',
  sql: `
    -- All null for pictures, and for a video that could not be read (its import says so).
    ALTER TABLE media ADD COLUMN duration_s REAL CHECK (duration_s IS NULL OR duration_s >= 0);
    ALTER TABLE media ADD COLUMN frame_rate REAL CHECK (frame_rate IS NULL OR frame_rate > 0);
    ALTER TABLE media ADD COLUMN frame_count INTEGER CHECK (frame_count IS NULL OR frame_count >= 0);
    ALTER TABLE media ADD COLUMN video_codec TEXT;
    -- The grid counts the videos among what it shows: few rows, so a small index answers at once.
    CREATE INDEX media_videos ON media(deployment_id, timestamp_ms) WHERE media_type = 'video';
  `,
};
