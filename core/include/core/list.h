/*
 * Intrusive doubly linked circular lists: embed a struct list_head in an
 * object and get back to the object with list_entry(). An empty list is a
 * head that points to itself.
 */
#ifndef CORE_LIST_H
#define CORE_LIST_H

#include <core/compiler.h>
#include <core/types.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }

static inline void list_init(struct list_head *head)
{
	head->next = head;
	head->prev = head;
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

static inline void __list_insert(struct list_head *node,
				 struct list_head *prev, struct list_head *next)
{
	next->prev = node;
	node->next = next;
	node->prev = prev;
	prev->next = node;
}

/* Inserts node at the front of the list. */
static inline void list_add(struct list_head *node, struct list_head *head)
{
	__list_insert(node, head, head->next);
}

/* Inserts node at the back of the list. */
static inline void list_add_tail(struct list_head *node, struct list_head *head)
{
	__list_insert(node, head->prev, head);
}

/* Unlinks node; it is left pointing at itself (an empty list). */
static inline void list_del(struct list_head *node)
{
	node->prev->next = node->next;
	node->next->prev = node->prev;
	list_init(node);
}

/* Unlinks node and puts it at the front of another list. */
static inline void list_move(struct list_head *node, struct list_head *head)
{
	list_del(node);
	list_add(node, head);
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)

/* Iterates over the entries of head; pos is a pointer to the type. */
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_entry((head)->next, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_entry(pos->member.next, __typeof__(*pos), member))

/* The same, safe against removal of pos (n is the next entry). */
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_entry((head)->next, __typeof__(*pos), member),	\
	     n = list_entry(pos->member.next, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = n, n = list_entry(n->member.next, __typeof__(*n), member))

#endif /* CORE_LIST_H */
