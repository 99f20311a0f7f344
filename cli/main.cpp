#include <iostream>
#include "core/version.hpp"
int main() { std::cout << "handoff " << handoff::kVersion << "\n"; return 0; }
