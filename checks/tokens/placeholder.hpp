#pragma once
// What is not a secret even when it sits where one would: references to a secret store,
// placeholders, masked or truncated values, documented example keys, encrypted blobs.
#include <string_view>

namespace handoff::tokens {

// The value is (or embeds) a reference resolved elsewhere: ${{ secrets.X }}, {{ $env.X }},
// ${env:X}, ${input:x}, ${X}, $X, $(X), %X%, ${env.X}, op://..., vault:..., secrets-manager
// ARNs, ${ssm:...}, @Microsoft.KeyVault(...), Helm/Postman {{ }}, or an encrypted value
// (SOPS ENC[...], $ANSIBLE_VAULT, Maven {...}, NuGet DPAPI).
bool is_reference(std::string_view value);

// A value written to be replaced: your-key-here, changeme, <token>, sk-xxxx, ****, ...,
// AKIAIOSFODNN7EXAMPLE, dev-only-not-a-secret. Judges the whole value, for the generic rule.
bool is_placeholder_value(std::string_view value);

// The same for a string that already has a provider's exact shape: only signals a random
// token cannot carry by chance (long runs, EXAMPLE, masking, placeholder words).
bool is_placeholder_token(std::string_view token);

// Keys published in provider documentation (AWS's EXAMPLE pair, Stripe's docs test key,
// Telegram's docs bot token).
bool is_documented_example(std::string_view token);

} // namespace handoff::tokens
