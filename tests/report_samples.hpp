#pragma once
// Hand-built scan results for the report writer tests and golden files: a small
// automation project with findings in every family, hostile text in messages, paths
// and evidence, and a key inventory. Secrets in it are already redacted, as a scan gives them.
// Rule ids start with "sample-" so that no registered rule matches them: the golden files
// then change only when a writer changes, not when a check or its doc page does.
#include <algorithm>
#include <string>

#include "checks/registry.hpp"
#include "checks/tokens/catalog.hpp"
#include "core/scan_result.hpp"

namespace handoff::samples {

inline Finding finding(std::string rule, Family family, Severity severity, std::string path, std::uint32_t line,
                       std::uint32_t column, std::string message, std::string evidence = {},
                       std::string fingerprint = {}) {
    Finding f;
    f.rule = std::move(rule);
    f.family = family;
    f.severity = severity;
    f.confidence = Confidence::high;
    f.message = std::move(message);
    f.location.path = std::move(path);
    f.location.line = line;
    f.location.column = column;
    f.location.end_line = line;
    f.location.end_column = line > 0 ? column + 12 : 0;
    f.evidence = std::move(evidence);
    f.fingerprint = fingerprint.empty() ? f.rule + "-" + std::to_string(line) : std::move(fingerprint);
    return f;
}

inline InventoryEntry secret(std::string name, std::string store, std::string provider, std::string path,
                             std::uint32_t line, std::string used_by) {
    InventoryEntry e;
    e.name = std::move(name);
    e.store = std::move(store);
    e.provider = std::move(provider);
    // Fixed text rather than store_destination(), so the goldens follow the writers only.
    if (e.store == "env") e.where_to_set = "environment variable (.env file or the host's environment)";
    if (e.store == "github-secret") e.where_to_set = "GitHub repository secret (Settings > Secrets and variables > Actions)";
    if (e.store == "n8n-credential") e.where_to_set = "n8n credential (Credentials > Add credential)";
    e.used_by.push_back(std::move(used_by));
    e.references.push_back(Location{std::move(path), line, 5, line, 20, {}});
    return e;
}

// The fixture project of the golden files.
inline ScanResult review_project() {
    ScanResult r;
    r.rules = all_rules();
    r.tool_version = "0.1.0";
    r.root = "client-automation";
    r.providers = tokens::providers();  // as the CLI fills it
    r.files = {
        {".env", Format::dotenv, 210, {}},
        {".github/workflows/deploy.yml", Format::github_workflow, 1800, {}},
        {".vscode/mcp.json", Format::mcp_config, 640, {}},
        {"docs/notes <b>draft</b>.txt", Format::text, 95, {}},
        {"n8n/lead-intake.json", Format::n8n_workflow, 5400, {}},
        {"n8n/broken.json", Format::json, 40, {{"n8n/broken.json", 3, 7, DiagnosticKind::parse_error,
                                                "expected ',' or '}' after \x1b[31mvalue"}}},
    };
    r.diagnostics = r.files.back().diagnostics;

    Finding token = finding("sample-openai-key", Family::embedded_token, Severity::critical,
                            ".github/workflows/deploy.yml", 14, 22,
                            "OpenAI API key written into the workflow's env block",
                            "13 |     env:\n14 |       OPENAI_API_KEY: sk-p\u2026Qx (164 chars)\n15 |     steps:",
                            "fp-openai-key");
    token.location.node_path = "jobs.deploy.env.OPENAI_API_KEY";
    token.remediation = "Revoke the key in the OpenAI console, create a new one and reference it as "
                        "${{ secrets.OPENAI_API_KEY }}.";
    Finding same_token_in_env = finding("sample-openai-key", Family::embedded_token, Severity::critical, ".env", 2, 16,
                                        "OpenAI API key in a committed .env file", "OPENAI_API_KEY=sk-p\u2026Qx (164 chars)",
                                        "fp-openai-key");
    Finding webhook = finding("sample-open-webhook", Family::open_webhook, Severity::high, "n8n/lead-intake.json", 41, 9,
                              "Webhook node \"Lead intake\" accepts requests from anyone (authentication: none)",
                              "\"authentication\": \"none\"");
    webhook.location.node_path = "nodes[0].parameters.authentication";
    Finding hostile = finding("sample-template-injection", Family::unsafe_permission, Severity::medium,
                              ".github/workflows/deploy.yml", 30, 14,
                              "Step runs </script><img src=x onerror=alert(1)> with ${{ github.event.issue.title }}\r\n"
                              "::add-mask::leak %0A::set-output name=x::y | pipe `tick` *star* @someone https://evil.example/x",
                              "run: echo \"${{ github.event.issue.title }}\"\n::stop-commands::token\n\x1b[2J\x07"
                              "\u202eevil\u202c done");
    hostile.remediation = "Pass the value through an environment variable: env: TITLE: ${{ github.event.issue.title }}";
    Finding mcp = finding("sample-unpinned-server", Family::unsafe_permission, Severity::low, ".vscode/mcp.json", 6, 18,
                          "MCP server \"files\" runs npx with an unpinned package, so any new version runs with "
                          "your files");
    Finding missing = finding("sample-undeclared-secret", Family::missing_secret_ref, Severity::info,
                              "docs/notes <b>draft</b>.txt", 0, 0,
                              "Notes mention SLACK_WEBHOOK_URL, which no workflow declares");
    Finding registered = finding("sample-dotenv-committed", Family::embedded_token, Severity::high, ".env", 0, 0,
                                 ".env holds values and is not listed in .gitignore");
    r.findings = {token, same_token_in_env, webhook, hostile, mcp, missing, registered};
    std::sort(r.findings.begin(), r.findings.end(), finding_order);

    r.inventory = {
        secret("OPENAI_API_KEY", "env", "openai", ".env", 2, "server openai"),
        secret("OPENAI_API_KEY", "github-secret", "openai", ".github/workflows/deploy.yml", 14, "job deploy"),
        secret("Slack account", "n8n-credential", "slackApi", "n8n/lead-intake.json", 88, "node Notify sales"),
        secret("GITHUB_TOKEN", "config-placeholder", "github", ".vscode/mcp.json", 12, "server github"),
        secret("BAD\nNAME=injected <b>", "env", "", ".vscode/mcp.json", 9, "server </script>"),
    };
    r.excluded = {"node_modules", "dist/bundle.js"};
    Suppression inline_ignore{SuppressionKind::inline_ignore, "test fixture, not a real key", {}};
    inline_ignore.written_at = Location{"tests/fixtures/keys.env", 3, 1, 0, 0, {}};
    r.suppressed.push_back({finding("sample-openai-key", Family::embedded_token, Severity::critical,
                                    "tests/fixtures/keys.env", 4, 16, "OpenAI API key in a test fixture",
                                    "OPENAI_API_KEY=sk-t\u2026Zz (164 chars)", "fp-fixture-key"),
                            inline_ignore});
    Suppression accepted{SuppressionKind::baseline, "", {}};
    accepted.written_at = Location{"handoff-baseline.json", 0, 0, 0, 0, "findings[0]"};
    r.suppressed.push_back({finding("sample-unpinned-server", Family::unsafe_permission, Severity::low,
                                    ".vscode/mcp.json", 11, 18, "MCP server \"notes\" runs npx with an unpinned package"),
                            accepted});
    std::sort(r.suppressed.begin(), r.suppressed.end(),
              [](const SuppressedFinding& a, const SuppressedFinding& b) { return finding_order(a.finding, b.finding); });
    r.bytes = 8185;
    r.seconds = 0.25;
    return r;
}

// A project with nothing to report and no secrets.
inline ScanResult clean_project() {
    ScanResult r;
    r.rules = all_rules();
    r.tool_version = "0.1.0";
    r.root = "static-site";
    r.providers = tokens::providers();
    r.files = {{".github/workflows/pages.yml", Format::github_workflow, 700, {}}, {"README.md", Format::text, 300, {}}};
    r.bytes = 1000;
    r.seconds = 0.01;
    return r;
}

} // namespace handoff::samples
