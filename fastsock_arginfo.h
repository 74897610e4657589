/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 9bddfd61fc0e264b4187c3747fd0285a820e29f0 */

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_fastsock_info, 0, 1, MAY_BE_ARRAY|MAY_BE_FALSE)
	ZEND_ARG_INFO(0, stream)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_fastsock_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()


ZEND_FUNCTION(fastsock_info);
ZEND_FUNCTION(fastsock_stats);


static const zend_function_entry ext_functions[] = {
	ZEND_FE(fastsock_info, arginfo_fastsock_info)
	ZEND_FE(fastsock_stats, arginfo_fastsock_stats)
	ZEND_FE_END
};
