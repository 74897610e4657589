#include "pollset.h"
