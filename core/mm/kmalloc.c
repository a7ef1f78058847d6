/*
 * kmalloc() and kfree() (see <core/slab.h>): power-of-two size classes of
 * KMALLOC_MIN .. KMALLOC_MAX_CACHE bytes, each a slab cache; anything
 * larger is a block of pages from the buddy allocator, its head page
 * marked PG_LARGE with the order, so kfree() can tell the two apart from
 * the page descriptor alone.
 */
#define pr_fmt(fmt) "kmalloc: " fmt

#include <core/slab.h>

#include <core/page.h>
#include <core/panic.h>
#include <core/printk.h>
#include <core/string.h>

#define MIN_SHIFT	3
#define NR_CLASSES	(PAGE_SHIFT - 1 - MIN_SHIFT + 1)

static const char *const class_names[] = {
	"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64",
	"kmalloc-128", "kmalloc-256", "kmalloc-512", "kmalloc-1024",
	"kmalloc-2048",
};
STATIC_ASSERT(ARRAY_SIZE(class_names) == NR_CLASSES);
STATIC_ASSERT(KMALLOC_MIN == 1 << MIN_SHIFT);

static struct kmem_cache classes[NR_CLASSES];

void kmalloc_init(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < NR_CLASSES; i++) {
		err = kmem_cache_init(&classes[i], class_names[i],
				      KMALLOC_MIN << i, 0);
		BUG_ON(err);
	}
}

static unsigned int class_of(size_t size)
{
	unsigned int i = 0;

	while ((size_t)KMALLOC_MIN << i < size)
		i++;
	return i;
}

void *kmalloc(size_t size)
{
	unsigned int order = 0;
	struct page *page;

	if (size <= KMALLOC_MAX_CACHE)
		return kmem_cache_alloc(&classes[class_of(size)]);
	while (PAGE_SIZE << order < size) {
		if (++order > MAX_ORDER)
			return NULL;
	}
	page = page_alloc(order);
	if (!page)
		return NULL;
	page->flags |= PG_LARGE;
	page->order = order;
	return page_address(page);
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void kfree(const void *ptr)
{
	struct page *page;

	if (!ptr)
		return;
	page = virt_to_page(ptr);
	if (page && (page->flags & PG_SLAB)) {
		kmem_cache_free(page->slab_cache, (void *)ptr);
	} else if (page && (page->flags & PG_LARGE) &&
		   page_address(page) == ptr) {
		page->flags &= ~PG_LARGE;
		page_free(page, page->order);
	} else {
		pr_err("kfree of %p, not allocated by kmalloc: ignored\n",
		       ptr);
	}
}
