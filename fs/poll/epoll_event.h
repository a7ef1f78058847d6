/*
 * struct epoll_event as user space lays it out: { uint32_t events;
 * uint64_t data; }. x86_64 packs it (12 bytes, data at offset 4, so that
 * 32-bit and 64-bit x86 share it); every other arch, aarch64 included,
 * aligns data (16 bytes, data at 8). See EPOLL_PACKED in Linux's
 * uapi/linux/eventpoll.h. The kernel reads and writes the bytes through
 * these helpers and never through a C struct of the wrong shape.
 */
#ifndef FS_POLL_EPOLL_EVENT_H
#define FS_POLL_EPOLL_EVENT_H

#include <core/string.h>
#include <core/types.h>

#define EPOLL_EVENT_SIZE_PACKED		12
#define EPOLL_EVENT_SIZE_ALIGNED	16

/* The layout of the arch being built. */
#define EPOLL_EVENT_PACKED	IS_ENABLED(CONFIG_ARCH_X86_64)

static inline size_t epoll_event_size(bool packed)
{
	return packed ? EPOLL_EVENT_SIZE_PACKED : EPOLL_EVENT_SIZE_ALIGNED;
}

/* Fills the epoll_event_size(packed) bytes at buf (padding zeroed). */
static inline void epoll_event_encode(void *buf, bool packed, uint32_t events,
				      uint64_t data)
{
	char *b = buf;

	memset(b, 0, epoll_event_size(packed));
	memcpy(b, &events, sizeof(events));
	memcpy(b + (packed ? 4 : 8), &data, sizeof(data));
}

static inline void epoll_event_decode(const void *buf, bool packed,
				      uint32_t *events, uint64_t *data)
{
	const char *b = buf;

	memcpy(events, b, sizeof(*events));
	memcpy(data, b + (packed ? 4 : 8), sizeof(*data));
}

#endif /* FS_POLL_EPOLL_EVENT_H */
