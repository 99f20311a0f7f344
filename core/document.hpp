#pragma once
// A scanned file after parsing and loading: its bytes, its tree, its facts.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/facts.hpp"
#include "core/format.hpp"
#include "core/source.hpp"
#include "core/tree.hpp"

namespace handoff {

// A record inside a file that a person looks for (a transcript's message, a CI log's step):
// what to call it in a report, and what to do about a secret found in it.
struct Place {
    std::string label;   // "session 0199, message 12 (user, 2026-01-02T03:04:05Z)"
    std::string advice;  // appended to the finding's fix: how to delete or redact that record
};

// A platform's typed model (model/: a CI workflow, n8n workflows, an MCP server set...),
// built once by the format's loader and read by the checks about that platform. Core
// knows only this base; checks ask for the type they read with Document::model_as<T>().
struct Model {
    Model() = default;
    Model(const Model&) = default;
    Model& operator=(const Model&) = default;
    Model(Model&&) = default;
    Model& operator=(Model&&) = default;
    virtual ~Model() = default;

    // True when the model points into the document's tree, so the pipeline must release
    // it with the tree. Models of plain data say false and outlive the tree.
    [[nodiscard]] virtual bool borrows_tree() const { return true; }

    // The record holding a byte offset of the file, for formats made of records; the sink
    // adds it to every finding on this document (Location::place).
    [[nodiscard]] virtual std::optional<Place> place_at(std::uint32_t /*offset*/) const { return std::nullopt; }
};

struct Document {
    explicit Document(std::unique_ptr<SourceFile> source) : file(std::move(source)) {}

    std::unique_ptr<SourceFile> file;
    Syntax syntax = Syntax::text;
    Format format = Format::text;
    // Absent when the syntax is text or the parse failed; the raw bytes remain in file.
    std::optional<Node> tree;
    Facts facts;
    // The platform model the loader built, when the format has one. It may point into
    // tree, so it is released with it.
    std::unique_ptr<Model> model;
    std::vector<Diagnostic> diagnostics;

    // The model when it is a T (or derives from one), else nullptr.
    template <class T>
    [[nodiscard]] const T* model_as() const {
        return dynamic_cast<const T*>(model.get());
    }

    [[nodiscard]] const std::string& path() const { return file->path; }
    [[nodiscard]] std::string_view bytes() const { return file->bytes; }
    [[nodiscard]] Location locate(Span span, std::string node_path = {}) const {
        return file->locate(span, std::move(node_path));
    }
};

// Everything a scan read: what cross-file checks look across.
struct Project {
    std::string root;  // as given on the command line
    std::vector<std::unique_ptr<Document>> documents;
    // Files with a secret file's name (core/secret_names) that git tracks although its ignore
    // rules list them, relative to root; read from the index when the scanned folder is in a
    // git work tree. Unset outside git.
    std::optional<std::vector<std::string>> tracked_but_ignored;

    [[nodiscard]] const Document* find(std::string_view relative_path) const {
        for (const auto& doc : documents) {
            if (doc->path() == relative_path) return doc.get();
        }
        return nullptr;
    }
};

} // namespace handoff
