/*
 * printk(): the kernel log (see <core/printk.h>).
 *
 * Each message is formatted into a bounded buffer, stored as one record in
 * a fixed-size ring (oldest records are dropped to make room), then written
 * to the consoles when its level passes the console log level. Records
 * carry their level and boot time, so messages logged before the first
 * console registered are replayed to it (printk_replay(), called by
 * console_register()), and so that a later dmesg can read them back.
 *
 * Interrupts are masked while the log is touched: a message printed from an
 * interrupt handler cannot tear one in progress. Single CPU for now.
 */
#include <core/printk.h>

#include <arch/irq.h>
#include <core/cmdline.h>
#include <core/console.h>
#include <core/string.h>
#include <core/time.h>

#define MSG_MAX		1024
#define LOG_BUF_SIZE	(32 * 1024)
#define LOG_ALIGN	16
#define LOG_PAD		0xff	/* level of a filler record at the ring's end */

/*
 * A record: this header, then len bytes of text, rounded up to LOG_ALIGN.
 * Records never wrap around the end of log_buf; a filler record covers the
 * unused tail instead. Being a multiple of LOG_ALIGN, that tail always has
 * room for a header.
 */
struct log_rec {
	uint64_t ts_ns;
	uint32_t size;		/* whole record, header included */
	uint16_t len;		/* text bytes */
	uint8_t level;
	uint8_t unused;
};
STATIC_ASSERT(sizeof(struct log_rec) == LOG_ALIGN);

static uint8_t log_buf[LOG_BUF_SIZE] __aligned(LOG_ALIGN);
/* Positions grow forever; the byte offset is pos % LOG_BUF_SIZE. */
static uint64_t log_head, log_tail;

static int console_level = CONFIG_LOG_LEVEL;
static bool at_line_start = true;

static struct log_rec *rec_at(uint64_t pos)
{
	return (struct log_rec *)&log_buf[pos % LOG_BUF_SIZE];
}

/* Drops the oldest records until n more bytes fit. */
static void log_make_room(uint64_t n)
{
	while (log_tail + n - log_head > LOG_BUF_SIZE)
		log_head += rec_at(log_head)->size;
}

static void log_store(int level, uint64_t ts_ns, const char *text, size_t len)
{
	uint32_t size = ALIGN_UP(sizeof(struct log_rec) + len, LOG_ALIGN);
	uint32_t room = LOG_BUF_SIZE - log_tail % LOG_BUF_SIZE;
	struct log_rec *rec;

	if (room < size) {
		log_make_room(room);
		rec = rec_at(log_tail);
		*rec = (struct log_rec){ .size = room, .level = LOG_PAD };
		log_tail += room;
	}
	log_make_room(size);
	rec = rec_at(log_tail);
	*rec = (struct log_rec){
		.ts_ns = ts_ns, .size = size, .len = len, .level = level,
	};
	memcpy(rec + 1, text, len);
	log_tail += size;
}

static void write_prefix(uint64_t ts_ns)
{
	char prefix[32];
	int n;

	n = snprintf(prefix, sizeof(prefix), "[%5llu.%06llu] ",
		     (unsigned long long)(ts_ns / NSEC_PER_SEC),
		     (unsigned long long)(ts_ns % NSEC_PER_SEC / 1000));
	console_write(prefix, MIN((size_t)n, sizeof(prefix) - 1));
}

/* Writes text to the consoles, with a time stamp at each line start. */
static void emit(uint64_t ts_ns, const char *text, size_t len)
{
	size_t start = 0, i;

	for (i = 0; i < len; i++) {
		if (text[i] != '\n')
			continue;
		if (at_line_start && IS_ENABLED(CONFIG_PRINTK_TIME))
			write_prefix(ts_ns);
		console_write(text + start, i + 1 - start);
		at_line_start = true;
		start = i + 1;
	}
	if (start < len) {
		if (at_line_start && IS_ENABLED(CONFIG_PRINTK_TIME))
			write_prefix(ts_ns);
		console_write(text + start, len - start);
		at_line_start = false;
	}
}

void vprintk(int level, const char *fmt, va_list ap)
{
	static char msg[MSG_MAX];
	unsigned long flags;
	uint64_t ts_ns;
	int n;

	if (level < LOG_EMERG)
		level = LOG_EMERG;
	if (level > LOG_DEBUG)
		level = LOG_DEBUG;
	flags = arch_irq_save();
	ts_ns = clock_ns();
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	n = MIN(n, MSG_MAX - 1);
	log_store(level, ts_ns, msg, n);
	if (level < console_level)
		emit(ts_ns, msg, n);
	arch_irq_restore(flags);
}

void printk(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(level, fmt, ap);
	va_end(ap);
}

void printk_set_console_level(int level)
{
	console_level = MAX(CONSOLE_LEVEL_MIN, MIN(level, CONSOLE_LEVEL_DEBUG));
}

void printk_init(void)
{
	long level;

	if (cmdline_has("quiet"))
		printk_set_console_level(CONSOLE_LEVEL_QUIET);
	if (cmdline_has("debug"))
		printk_set_console_level(CONSOLE_LEVEL_DEBUG);
	if (cmdline_long("loglevel", &level) == 0)
		printk_set_console_level(level);
}

void printk_replay(void)
{
	unsigned long flags = arch_irq_save();
	struct log_rec *rec;
	uint64_t pos;

	for (pos = log_head; pos != log_tail; pos += rec->size) {
		rec = rec_at(pos);
		if (rec->level < console_level)
			emit(rec->ts_ns, (const char *)(rec + 1), rec->len);
	}
	arch_irq_restore(flags);
}
