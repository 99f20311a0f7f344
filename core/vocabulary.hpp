#pragma once
// The words facts are written in, shared by every loader that emits them and every
// check that reads them: capability ids (Grant::capability), secret stores
// (SecretRef::store, SecretDecl::store), endpoint kinds (Endpoint::kind) and command
// kinds (Exec::kind). A check that compares a fact field compares it with one of these.
#include <string_view>

namespace handoff {

// Capability ids agent loaders put in Grant::capability, read by the agent checks.
namespace capability {
inline constexpr std::string_view unpinned_package = "unpinned-package";
inline constexpr std::string_view remote_script = "remote-script";
inline constexpr std::string_view filesystem_root = "filesystem-root";
inline constexpr std::string_view container_privileged = "container-privileged";
inline constexpr std::string_view host_network = "host-network";
inline constexpr std::string_view host_pid = "host-pid";
inline constexpr std::string_view host_mount = "host-mount";
inline constexpr std::string_view docker_socket = "docker-socket";
inline constexpr std::string_view auto_approve = "auto-approve";        // scope: one tool, or "*"
inline constexpr std::string_view approval_bypass = "approval-bypass";  // scope: what no longer asks
inline constexpr std::string_view sandbox_disabled = "sandbox-disabled";
inline constexpr std::string_view shell = "shell";                      // scope: command prefix, "*" = any
inline constexpr std::string_view network_fetch = "network-fetch";      // scope: domain, "*" = any
inline constexpr std::string_view file_write = "file-write";            // scope: path pattern, "*" = any
inline constexpr std::string_view env_forward_all = "env-forward-all";
inline constexpr std::string_view tool_shell = "tool-shell";            // a tool definition that runs commands
inline constexpr std::string_view tool_fetch = "tool-fetch";            // a tool definition that fetches any URL
inline constexpr std::string_view code_exec_host = "code-exec-host";
inline constexpr std::string_view code_exec_sandboxed = "code-exec-sandboxed";  // model-written code, in a container
inline constexpr std::string_view private_data = "private-data";        // lethal trifecta: reads private data
inline constexpr std::string_view sends_data = "sends-data";            // lethal trifecta: can send data out
} // namespace capability

// Exec::kind of the scripts CI loaders emit, one per platform and step type.
namespace exec_kind {
inline constexpr std::string_view github_run = "github-run";              // a GitHub Actions run: step
inline constexpr std::string_view gitlab_script = "gitlab-script";        // before_script:, script:, after_script:
inline constexpr std::string_view jenkins_shell = "jenkins-shell";        // a freestyle Shell or Batch step
inline constexpr std::string_view jenkins_pipeline = "jenkins-pipeline";  // a pipeline job's Groovy script

// A script a CI job runs, whatever the platform.
constexpr bool ci_script(std::string_view kind) {
    return kind == github_run || kind == gitlab_script || kind == jenkins_shell || kind == jenkins_pipeline;
}
} // namespace exec_kind

// Secret stores: where a SecretRef takes its value from, where a SecretDecl declares
// it, where a Requirement is installed. What each means to the client (where to set
// it) is core/secret_stores.cpp's table, keyed by these ids.
namespace store {
inline constexpr std::string_view env = "env";
inline constexpr std::string_view github_secret = "github-secret";
inline constexpr std::string_view github_variable = "github-variable";
inline constexpr std::string_view gitlab_variable = "gitlab-variable";
inline constexpr std::string_view gitlab_vault_secret = "gitlab-vault-secret";
inline constexpr std::string_view gitlab_external_secret = "gitlab-external-secret";
inline constexpr std::string_view jenkins_credential = "jenkins-credential";
inline constexpr std::string_view n8n_credential = "n8n-credential";
inline constexpr std::string_view n8n_variable = "n8n-variable";
inline constexpr std::string_view n8n_external_secret = "n8n-external-secret";
inline constexpr std::string_view n8n_community_package = "n8n-community-package";  // a Requirement
inline constexpr std::string_view make_connection = "make-connection";
inline constexpr std::string_view make_keychain = "make-keychain";
inline constexpr std::string_view flowise_credential = "flowise-credential";
inline constexpr std::string_view flowise_variable = "flowise-variable";
inline constexpr std::string_view flowise_input = "flowise-input";
inline constexpr std::string_view langflow_variable = "langflow-variable";
inline constexpr std::string_view langflow_field = "langflow-field";
inline constexpr std::string_view dify_env = "dify-env";
inline constexpr std::string_view dify_http_auth = "dify-http-auth";
inline constexpr std::string_view dify_plugin = "dify-plugin";  // a Requirement
inline constexpr std::string_view vscode_input = "vscode-input";
inline constexpr std::string_view continue_secret = "continue-secret";
// A secret slot left empty or holding a template value: the client must write it in.
inline constexpr std::string_view config_placeholder = "config-placeholder";
} // namespace store

// Endpoint::kind beyond the n8n trigger kinds, by the loaders that emit them.
namespace endpoint_kind {
// MCP configs, agent settings and tool definitions.
inline constexpr std::string_view mcp_server = "mcp-server";
inline constexpr std::string_view mcp_listener = "mcp-listener";
inline constexpr std::string_view api_base_url = "api-base-url";
inline constexpr std::string_view hook_url = "hook-url";
inline constexpr std::string_view openapi_server = "openapi-server";
inline constexpr std::string_view openapi_operation = "openapi-operation";  // opts out of the document's security
// CI: another pipeline file pulled in at run time (a GitLab include:).
inline constexpr std::string_view ci_include = "ci-include";
// Automation exports other than n8n: their inbound entry points.
inline constexpr std::string_view node_red_http_in = "http-in";
inline constexpr std::string_view make_webhook = "make-webhook";
inline constexpr std::string_view make_mailhook = "make-mailhook";
inline constexpr std::string_view flowise_prediction = "flowise-prediction";
inline constexpr std::string_view flowise_public_chatbot = "flowise-public-chatbot";
inline constexpr std::string_view langflow_webhook = "langflow-webhook";
inline constexpr std::string_view langflow_public_flow = "langflow-public-flow";
inline constexpr std::string_view dify_webhook = "dify-webhook";
} // namespace endpoint_kind

// Automation platforms, in Facts::platform: whose export a document is.
namespace platform {
inline constexpr std::string_view n8n = "n8n";
inline constexpr std::string_view node_red = "node-red";
inline constexpr std::string_view make = "make";
inline constexpr std::string_view flowise = "flowise";
inline constexpr std::string_view langflow = "langflow";
inline constexpr std::string_view dify = "dify";
} // namespace platform

} // namespace handoff
