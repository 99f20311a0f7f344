#pragma once
// True and false samples for every token rule, run by tests/token_samples_test.cpp.
#include <span>

#include "checks/tokens/catalog.hpp"

namespace handoff::tokens {

std::span<const RuleSamples> all_rule_samples();

} // namespace handoff::tokens
