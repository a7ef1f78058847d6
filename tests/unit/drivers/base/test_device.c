/*
 * Unit tests of the device model (drivers/base/device.c, subsys.c): where
 * devices are placed in /sys/devices (virtual/<class>, a glue directory
 * named after the class under a parent without one, directly under a
 * parent with a class), their paths and depths, lookups by name and
 * number, the class and bus lists, and the refusals. The model is one
 * global tree, so the tests build on each other in order.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <core/errno.h>
#include <drivers/device.h>

static char path[256];

static const char *path_of(const struct device *dev)
{
	int n = device_path(dev, path, sizeof(path));

	assert_true(n > 0);
	assert_int_equal(n, strlen(path));
	return path;
}

static struct device null_dev = {
	.name = "null", .class = "mem", .devt = MKDEV(1, 3), .devmode = 0666,
};
static struct device zero_dev = {
	.name = "zero", .class = "mem", .devt = MKDEV(1, 5),
};

static void test_virtual_class_devices(void **state)
{
	assert_int_equal(device_register(&null_dev), 0);
	assert_int_equal(device_register(&zero_dev), 0);
	assert_string_equal(path_of(&null_dev), "virtual/mem/null");
	assert_string_equal(path_of(&zero_dev), "virtual/mem/zero");
	assert_int_equal(device_depth(&null_dev), 3);
	/* One glue directory for the class, shared. */
	assert_ptr_equal(null_dev.dir, zero_dev.dir);
	assert_true(null_dev.dir->flags & DEVICE_F_GLUE);
	assert_ptr_equal(device_find_child(NULL, "virtual", 7),
			 null_dev.dir->dir);
	assert_ptr_equal(device_find_child(null_dev.dir, "zero", 4), &zero_dev);
	assert_null(device_find_child(null_dev.dir, "zer", 3));
}

static struct device pci_root = { .name = "pci0000:00" };
static struct device pci_dev = {
	.name = "0000:00:04.0", .bus = "pci", .parent = &pci_root,
};
static struct device virtio_dev = {
	.name = "virtio1", .bus = "virtio", .parent = &pci_dev,
};
static struct device disk = {
	.name = "vda", .class = "block", .type = "disk",
	.devt = MKDEV(254, 0), .parent = &virtio_dev,
};
static struct device part = {
	.name = "vda1", .class = "block", .type = "partition",
	.devt = MKDEV(254, 1), .parent = &disk,
};

static void test_bus_and_block_devices(void **state)
{
	assert_int_equal(device_register(&pci_root), 0);
	assert_int_equal(device_register(&pci_dev), 0);
	assert_int_equal(device_register(&virtio_dev), 0);
	assert_int_equal(device_register(&disk), 0);
	assert_int_equal(device_register(&part), 0);
	assert_string_equal(path_of(&pci_root), "pci0000:00");
	assert_string_equal(path_of(&virtio_dev),
			    "pci0000:00/0000:00:04.0/virtio1");
	assert_string_equal(path_of(&disk),
			    "pci0000:00/0000:00:04.0/virtio1/block/vda");
	assert_string_equal(path_of(&part),
			    "pci0000:00/0000:00:04.0/virtio1/block/vda/vda1");
	assert_int_equal(device_depth(&part), 6);
	assert_true(device_is_block(&disk));
	assert_false(device_is_block(&pci_dev));
}

static void test_find_by_number(void **state)
{
	assert_ptr_equal(device_find_devt(MKDEV(1, 3), false), &null_dev);
	assert_null(device_find_devt(MKDEV(1, 3), true));
	assert_ptr_equal(device_find_devt(MKDEV(254, 1), true), &part);
	assert_null(device_find_devt(MKDEV(254, 1), false));
}

static void test_refusals(void **state)
{
	static struct device same_name = { .name = "null", .class = "mem" };
	static struct device same_devt = {
		.name = "other", .class = "mem", .devt = MKDEV(1, 5),
	};
	static struct device slash = { .name = "a/b", .class = "mem" };
	static struct device empty = { .class = "mem" };
	static struct device both = { .name = "x", .class = "c", .bus = "b" };
	static struct device long_name = {
		.name = "0123456789012345678901234567890", .class = "mem",
	};
	static struct device clash = { .name = "virtual" };

	assert_int_equal(device_register(&same_name), -EEXIST);
	assert_int_equal(device_register(&same_devt), -EEXIST);
	assert_int_equal(device_register(&slash), -EINVAL);
	assert_int_equal(device_register(&empty), -EINVAL);
	assert_int_equal(device_register(&both), -EINVAL);
	/* A real device may not take a glue directory's name. */
	assert_int_equal(device_register(&clash), -EEXIST);
	/* 31 characters fit. */
	assert_int_equal(device_register(&long_name), 0);
}

static void test_iteration_order(void **state)
{
	uint64_t cursor = 0;
	struct device *d, *prev = NULL;
	int n = 0, glue = 0;

	while ((d = device_next(&cursor))) {
		/* A directory is listed before what it holds. */
		assert_true(!d->dir || d->dir->seq < d->seq);
		assert_true(!prev || prev->seq < d->seq);
		glue += !!(d->flags & DEVICE_F_GLUE);
		prev = d;
		n++;
	}
	/* 8 devices, glue virtual, virtual/mem, virtio1/block. */
	assert_int_equal(n, 11);
	assert_int_equal(glue, 3);
}

static void test_path_too_long(void **state)
{
	char small[17];

	assert_int_equal(device_path(&null_dev, small, 17), 16);
	assert_int_equal(device_path(&null_dev, small, 16), -ENAMETOOLONG);
	assert_int_equal(device_path(&null_dev, small, 0), -ENAMETOOLONG);
}

static void test_subsystems(void **state)
{
	const char *classes[8], *buses[8];
	const struct dev_subsys *s;
	uint64_t cursor = 0;
	int n = 0;

	assert_int_equal(class_register("input"), 0);
	assert_int_equal(class_register("input"), 0);
	assert_int_equal(bus_register("platform"), 0);
	while ((s = subsys_next(false, &cursor)) && n < 8)
		classes[n++] = s->name;
	assert_int_equal(n, 3);
	assert_string_equal(classes[0], "mem");
	assert_string_equal(classes[1], "block");
	assert_string_equal(classes[2], "input");
	cursor = 0;
	n = 0;
	while ((s = subsys_next(true, &cursor)) && n < 8)
		buses[n++] = s->name;
	assert_int_equal(n, 3);
	assert_string_equal(buses[0], "pci");
	assert_string_equal(buses[1], "virtio");
	assert_string_equal(buses[2], "platform");
	assert_non_null(subsys_find(true, "pcix", 3));
	assert_null(subsys_find(false, "pci", 3));
	assert_int_equal(bus_register("a/b"), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_virtual_class_devices),
		cmocka_unit_test(test_bus_and_block_devices),
		cmocka_unit_test(test_find_by_number),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_iteration_order),
		cmocka_unit_test(test_path_too_long),
		cmocka_unit_test(test_subsystems),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
