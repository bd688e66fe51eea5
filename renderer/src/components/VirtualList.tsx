import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import { useVirtualizer } from '@tanstack/react-virtual';

interface Props {
  /** Accessible name of the list. */
  label: string;
  count: number;
  /** Estimated row height in pixels (rows may be taller; they are measured). */
  rowHeight: number;
  /**
   * Every row has the same height: one row is measured (so a larger font
   * still fits) instead of each as it scrolls into view, which made jumps
   * through long lists re-lay-out every row twice.
   */
  uniformRows?: boolean;
  /** A stable key per row. */
  rowKey: (index: number) => string;
  renderRow: (index: number, active: boolean) => ReactNode;
  /**
   * listbox: pick one of many (customers, the queue): one Tab stop, the active
   * row announced through aria-activedescendant. feed: a stream of articles to
   * read (a timeline): arrow keys move focus from article to article.
   */
  variant?: 'listbox' | 'feed';
  /** Enter or double-click on a row. */
  onOpen?: (index: number) => void;
  /** A row's accessible description (what it does, e.g. how to open it). */
  rowDescription?: (index: number) => string | undefined;
  /** Extra keys handled per row (return true when handled). */
  onRowKey?: (event: KeyboardEvent, index: number) => boolean;
  /** Told the last row index in view, to load more before the end is reached. */
  onRangeEnd?: (lastIndex: number) => void;
  /** Told which row is active (the one keys and actions apply to). */
  onActiveChange?: (index: number) => void;
  /** More rows are being loaded (feeds say so to assistive technology). */
  busy?: boolean;
  height: number | string;
  /** Shown when there are no rows. */
  empty?: ReactNode;
  id?: string;
}

/**
 * A list of any length that stays smooth: only the rows in view are in the
 * page. Arrow keys, Page Up/Down, Home and End move the active row, Enter
 * opens it.
 */
export function VirtualList({
  label,
  count,
  rowHeight,
  uniformRows = false,
  rowKey,
  renderRow,
  variant = 'listbox',
  onOpen,
  rowDescription,
  onRowKey,
  onRangeEnd,
  onActiveChange,
  busy = false,
  height,
  empty,
  id = 'list',
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [uniformHeight, setUniformHeight] = useState<number | null>(null);
  const rowSize = uniformRows ? (uniformHeight ?? rowHeight) : rowHeight;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowSize,
    overscan: 6,
    getItemKey: rowKey,
  });
  const current = Math.min(active, Math.max(0, count - 1));
  const items = virtualizer.getVirtualItems();
  const lastInView = items.at(-1)?.index ?? -1;

  // The one measured height changed (first render, text size): every row's place follows.
  useEffect(() => {
    if (uniformRows) virtualizer.measure();
  }, [uniformRows, rowSize, virtualizer]);

  const sampleObserver = useRef<ResizeObserver | null>(null);
  const measureSample = useCallback((element: HTMLElement | null) => {
    sampleObserver.current?.disconnect();
    sampleObserver.current = null;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const height = element.getBoundingClientRect().height;
      if (height > 0) setUniformHeight((shown) => (shown === height ? shown : height));
    });
    observer.observe(element);
    sampleObserver.current = observer;
  }, []);
  useEffect(() => () => sampleObserver.current?.disconnect(), []);

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  useEffect(() => {
    if (count > 0) onActiveChange?.(current);
  }, [current, count, onActiveChange]);

  useEffect(() => {
    if (lastInView >= 0) onRangeEnd?.(lastInView);
  }, [lastInView, onRangeEnd]);

  const optionId = (index: number) => `${id}-item-${index}`;

  const move = (index: number) => {
    const next = Math.max(0, Math.min(count - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
    if (variant === 'feed') {
      // The article may only be rendered once scrolled to.
      requestAnimationFrame(() => document.getElementById(optionId(next))?.focus({ preventScroll: true }));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (count === 0) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight * 10) / rowHeight) - 1);
    const keys: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: count - 1,
    };
    const target = keys[event.key];
    if (target !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      move(target);
      return;
    }
    if (event.key === 'Enter' && onOpen) {
      event.preventDefault();
      onOpen(current);
      return;
    }
    if (onRowKey?.(event, current)) event.preventDefault();
  };

  if (count === 0 && empty) return <>{empty}</>;
  const feed = variant === 'feed';
  return (
    <Box
      ref={scrollRef}
      id={id}
      role={feed ? 'feed' : 'listbox'}
      aria-label={label}
      aria-busy={feed ? busy : undefined}
      aria-activedescendant={!feed && count ? optionId(current) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onFocus={(event) => {
        // Entering a feed lands on its current article.
        if (feed && event.target === event.currentTarget && count) document.getElementById(optionId(current))?.focus({ preventScroll: true });
      }}
      sx={{
        height,
        overflowY: 'auto',
        position: 'relative',
        outline: 'none',
        borderRadius: 1,
        '&:focus-visible': { boxShadow: (theme) => `0 0 0 2px ${theme.palette.primary.main}` },
      }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => (
          <Box
            key={item.key}
            id={optionId(item.index)}
            role={feed ? 'article' : 'option'}
            aria-selected={feed ? undefined : item.index === current}
            aria-description={rowDescription?.(item.index)}
            aria-posinset={feed ? item.index + 1 : undefined}
            aria-setsize={feed ? count : undefined}
            tabIndex={feed ? -1 : undefined}
            data-index={item.index}
            ref={uniformRows ? (item.index === items[0]!.index ? measureSample : undefined) : virtualizer.measureElement}
            onClick={() => setActive(item.index)}
            onFocus={() => feed && setActive(item.index)}
            onDoubleClick={() => onOpen?.(item.index)}
            sx={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
              outline: 'none',
              '&:focus-visible': { boxShadow: (theme) => `inset 0 0 0 2px ${theme.palette.primary.main}` },
            }}
          >
            {renderRow(item.index, item.index === current)}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
