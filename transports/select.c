#include "php.h"
#include "select.h"

void fastsock_stream_select(INTERNAL_FUNCTION_PARAMETERS)
{
	RETURN_FALSE;
}
