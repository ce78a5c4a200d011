import { type JSX, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraProblemBadge } from './CameraProblemBadge.tsx';
import { loadWhenNear } from './in-view-loader.ts';
import type { MediaItem } from '../../../electron/backend/library/contract.ts';
import { api } from '../../api/client.ts';
import { formatDuration } from '../../components/format-duration.ts';

/**
 * A tile's thumbnail: a picture's, or a video's poster frame with "video · 0:12" over it. A
 * thumbnail that cannot be made (a damaged video, a file deleted from the library folder) leaves
 * a plain grey box, not a broken image with its file name written over the tile.
 */
export function TilePicture({ item }: { item: MediaItem }): JSX.Element {
  const { t, i18n } = useTranslation();
  const [failed, setFailed] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  const src = api.mediaUrl('thumb', item.mediaID);
  useEffect(() => (img.current ? loadWhenNear(img.current, src) : undefined), [src]);
  const video = item.mediaType === 'video';
  return (
    <>
      {failed ? (
        <span className="tile-missing" role="img" aria-label={item.fileName} data-testid="tile-missing" />
      ) : (
        <img ref={img} alt={item.fileName} width={160} height={112} onError={(e) => e.currentTarget.getAttribute('src') && setFailed(true)} />
      )}
      {video ? (
        <span className="tile-video" data-testid="tile-video">
          {item.durationS !== null ? t('media.videoBadge', { length: formatDuration(item.durationS, i18n.language) }) : t('media.videoBadgeNoLength')}
        </span>
      ) : null}
      {item.cameraProblem ? <CameraProblemBadge className="tile-problem" /> : null}
    </>
  );
}
