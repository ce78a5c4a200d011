import { useTranslation } from 'react-i18next';

/** "10 images", "3 videos", "9 images and 1 video": pictures and videos counted apart, a kind with none left out. */
export function useMediaCount(): (images: number, videos: number) => string {
  const { t } = useTranslation();
  return (images, videos) => {
    if (videos === 0) return t('media.images', { count: images });
    if (images === 0) return t('media.videos', { count: videos });
    return t('media.imagesAndVideos', { images: t('media.images', { count: images }), videos: t('media.videos', { count: videos }) });
  };
}
