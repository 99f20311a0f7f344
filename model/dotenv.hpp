#pragma once
// The model of a dotenv file (.env, .env.local, app.env, .env.example), built by its
// loader: what a check needs to know about the file itself. Its keys are facts
// (SecretDecl, store env). Plain data: it never points into the tree.
#include "core/document.hpp"

namespace handoff {

struct DotenvFile final : Model {
    // The name says it documents keys rather than sets them (.env.example, env.sample,
    // .env.template, .env.dist): it is meant to be committed.
    bool is_template = false;

    [[nodiscard]] bool borrows_tree() const override { return false; }
};

} // namespace handoff
