import { useEffect, useState } from "react";
import { t } from "../../domain/i18n";

/** How long a stream frame may take to load before the page gives up on it and offers the link alone. */
const FRAME_TIMEOUT_MS = 12_000;

/**
 * The embedded stream with a text fallback. A cross-origin frame that a provider refuses to be embedded in, or that
 * never answers, gives the page no error to catch, so the text with the link sits under the frame from the start and
 * the frame is dropped when it has not loaded in time. The frame is mounted after hydration so its load event is
 * never missed.
 */
export function LiveStreamFrame({ url, embeddable }: { url: string; embeddable: boolean }) {
  const [frame, setFrame] = useState<"none" | "loading" | "loaded" | "failed">("none");
  useEffect(() => {
    if (!embeddable) return;
    setFrame("loading");
    const timer = setTimeout(() => setFrame((f) => (f === "loading" ? "failed" : f)), FRAME_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [embeddable, url]);
  return (
    <>
      {frame === "loading" || frame === "loaded" ? (
        <iframe
          className="live-frame"
          src={url}
          title={t.live.streamFrameTitle}
          allow="autoplay; fullscreen; picture-in-picture"
          allowFullScreen
          onLoad={() => setFrame("loaded")}
        />
      ) : null}
      <p className="live-stream-fallback" role={frame === "failed" ? "status" : undefined}>
        {frame === "failed" ? `${t.live.streamFailed} ` : embeddable ? `${t.live.streamFallback} ` : null}
        <a href={url} rel="noopener noreferrer" target="_blank">
          {t.live.streamOpen}
        </a>
      </p>
    </>
  );
}
