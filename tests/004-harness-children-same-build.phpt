--TEST--
harness: a child PHP started through the harness maps the very fastsock.so file this test process loaded (same device and inode), not another copy
--EXTENSIONS--
fastsock
--FILE--
<?php
require __DIR__ . '/fixtures/harness.inc';

$parent = fs_mapped_fastsock();
var_dump($parent !== null);
$harness = var_export(__DIR__ . '/fixtures/harness.inc', true);
$child = fs_run("<?php require $harness; echo json_encode(fs_mapped_fastsock());");
$child = json_decode($child, true) ?? $child;
if ($child === $parent) {
	echo "same file\n";
} else {
	echo "DIFFERENT\n--- parent\n", var_export($parent, true), "\n--- child\n", var_export($child, true), "\n";
}
?>
--EXPECT--
bool(true)
same file
