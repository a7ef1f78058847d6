/*
 * Slab caches (see <core/slab.h>). A slab is a block of 2^order pages from
 * page_alloc(): objects from its start, each `stride` bytes, and after them
 * a bitmap with one bit per object, set while the object is allocated. The
 * bitmap makes a double free detectable and keeps free objects untouched.
 *
 * Every page of a slab carries PG_SLAB and its cache, so kfree() and
 * kmem_cache_free() find the slab from any object; the slab's first page
 * (its head, aligned to 2^order pages like every buddy block) holds the
 * count and a search hint. A cache keeps its slabs on three lists, partial,
 * full and empty; it keeps one empty slab for reuse and gives any other
 * back to the page allocator at once.
 */
#define pr_fmt(fmt) "slab: " fmt

#include <core/slab.h>

#include <arch/irq.h>
#include <core/errno.h>
#include <core/page.h>
#include <core/printk.h>
#include <core/string.h>

#define SLAB_MAX_ORDER	3	/* slabs of up to 8 pages */
#define SLAB_MIN_OBJS	8	/* take bigger slabs until this many fit */
#define BITS_PER_WORD	64

static size_t bitmap_bytes(unsigned int objs)
{
	return ALIGN_UP(objs, BITS_PER_WORD) / 8;
}

/* How many objects of stride bytes fit in a slab, bitmap included. */
static unsigned int objs_per_slab(size_t slab_bytes, size_t stride)
{
	unsigned int n = slab_bytes / stride;

	while (n && n * stride + bitmap_bytes(n) > slab_bytes)
		n--;
	return n;
}

int kmem_cache_init(struct kmem_cache *c, const char *name, size_t size,
		    size_t align)
{
	unsigned int order, objs = 0;

	if (align == 0)
		align = 8;
	if (size == 0 || (align & (align - 1)) || align > PAGE_SIZE ||
	    size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return -EINVAL;
	/* Strides stay multiples of 8, so the bitmap after them is aligned. */
	c->stride = ALIGN_UP(size, MAX(align, (size_t)8));
	for (order = 0; order <= SLAB_MAX_ORDER; order++) {
		objs = objs_per_slab(PAGE_SIZE << order, c->stride);
		if (objs >= SLAB_MIN_OBJS)
			break;
	}
	if (objs == 0)
		return -EINVAL;
	c->name = name;
	c->size = size;
	c->order = MIN(order, SLAB_MAX_ORDER);
	c->objs = objs;
	list_init(&c->partial);
	list_init(&c->full);
	list_init(&c->empty);
	return 0;
}

static uint64_t *slab_bitmap(const struct kmem_cache *c, struct page *head)
{
	return (uint64_t *)((char *)page_address(head) + c->objs * c->stride);
}

static struct page *slab_new(struct kmem_cache *c)
{
	struct page *head = page_alloc(c->order);
	unsigned int i;

	if (!head)
		return NULL;
	for (i = 0; i < (1U << c->order); i++) {
		head[i].flags = PG_SLAB;
		head[i].slab_cache = c;
	}
	head->inuse = 0;
	head->free_hint = 0;
	memset(slab_bitmap(c, head), 0, bitmap_bytes(c->objs));
	return head;
}

static void slab_release(struct kmem_cache *c, struct page *head)
{
	unsigned int i;

	list_del(&head->list);
	for (i = 0; i < (1U << c->order); i++) {
		head[i].flags = 0;
		head[i].slab_cache = NULL;
	}
	page_free(head, c->order);
}

/* Takes the first free object of a slab that has one. */
static void *slab_take(struct kmem_cache *c, struct page *head)
{
	uint64_t *map = slab_bitmap(c, head);
	unsigned int w, idx;

	for (w = head->free_hint / BITS_PER_WORD; map[w] == ~0ULL; w++)
		;
	idx = w * BITS_PER_WORD + __builtin_ctzll(~map[w]);
	map[w] |= 1ULL << (idx % BITS_PER_WORD);
	head->inuse++;
	head->free_hint = idx + 1;
	return (char *)page_address(head) + idx * c->stride;
}

void *kmem_cache_alloc(struct kmem_cache *c)
{
	unsigned long flags = arch_irq_save();
	struct page *head;
	void *obj = NULL;

	if (!list_empty(&c->partial)) {
		head = list_first_entry(&c->partial, struct page, list);
	} else if (!list_empty(&c->empty)) {
		head = list_first_entry(&c->empty, struct page, list);
		list_move(&head->list, &c->partial);
	} else {
		head = slab_new(c);
		if (!head)
			goto out;
		list_add(&head->list, &c->partial);
	}
	obj = slab_take(c, head);
	if (head->inuse == c->objs)
		list_move(&head->list, &c->full);
out:
	arch_irq_restore(flags);
	return obj;
}

/*
 * The head of the slab holding obj and obj's index in it, or NULL when obj
 * is not the start of an object of cache c.
 */
static struct page *slab_of(struct kmem_cache *c, const void *obj,
			    unsigned int *idx)
{
	struct page *page = virt_to_page(obj), *head;
	size_t off;

	if (!page || !(page->flags & PG_SLAB) || page->slab_cache != c)
		return NULL;
	head = phys_to_page(ALIGN_DOWN(virt_to_phys(obj),
				       PAGE_SIZE << c->order));
	off = (const char *)obj - (const char *)page_address(head);
	if (off % c->stride || off / c->stride >= c->objs)
		return NULL;
	*idx = off / c->stride;
	return head;
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	unsigned long flags;
	struct page *head;
	unsigned int idx;
	uint64_t *word, bit;

	if (!obj)
		return;
	flags = arch_irq_save();
	head = slab_of(c, obj, &idx);
	if (!head) {
		arch_irq_restore(flags);
		pr_err("%s: free of %p, not one of its objects: ignored\n",
		       c->name, obj);
		return;
	}
	word = &slab_bitmap(c, head)[idx / BITS_PER_WORD];
	bit = 1ULL << (idx % BITS_PER_WORD);
	if (!(*word & bit)) {
		arch_irq_restore(flags);
		pr_err("%s: double free of %p: ignored\n", c->name, obj);
		return;
	}
	*word &= ~bit;
	if (head->inuse-- == c->objs)
		list_move(&head->list, &c->partial);
	head->free_hint = MIN(head->free_hint, idx);
	if (head->inuse == 0) {
		if (list_empty(&c->empty))
			list_move(&head->list, &c->empty);
		else
			slab_release(c, head);
	}
	arch_irq_restore(flags);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size,
				     size_t align)
{
	struct kmem_cache *c = kmalloc(sizeof(*c));
	int err;

	if (!c)
		return ERR_PTR(-ENOMEM);
	err = kmem_cache_init(c, name, size, align);
	if (err) {
		kfree(c);
		return ERR_PTR(err);
	}
	return c;
}

int kmem_cache_destroy(struct kmem_cache *c)
{
	unsigned long flags = arch_irq_save();

	if (!list_empty(&c->partial) || !list_empty(&c->full)) {
		arch_irq_restore(flags);
		return -EBUSY;
	}
	if (!list_empty(&c->empty))
		slab_release(c, list_first_entry(&c->empty, struct page, list));
	arch_irq_restore(flags);
	kfree(c);
	return 0;
}
