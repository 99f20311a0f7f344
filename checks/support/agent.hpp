#pragma once
// Shared by the MCP / agent checks: which documents they read, how sure a finding is
// by where the file sits, and what a URL's host is.
#include <string>
#include <string_view>

#include "core/check.hpp"
#include "model/agent.hpp"

namespace handoff {

// The agent model of an MCP config, agent settings or tool list; nullptr for other files.
const AgentModel* agent_model(const Document& doc);
// A document with an agent model: the files whose facts the agent checks read.
bool is_agent_document(const Document& doc);

// Template, example and docs copies are handed over as samples, not as live config.
bool is_sample_copy(std::string_view path);
Confidence confidence_for(const Document& doc, Confidence usual);

// "mcp.example.com" from "https://user@mcp.example.com:8443/x?y"; lower case, no port.
std::string url_host(std::string_view url);
bool is_loopback_host(std::string_view host);
// A host reachable only from this machine or its private network: RFC 1918 and link-local
// addresses, IPv6 unique-local, host.docker.internal, single-label service names
// (http://mcp-server:8080) and .local / .internal / .lan / .svc / .cluster.local names.
bool is_private_network_host(std::string_view host);
bool is_plain_http(std::string_view url);
// A host still to be filled in: YOUR_SERVER_IP, <host>, {host}, xxx.
bool is_placeholder_host(std::string_view host);

// A hit at a fact's site with the confidence adjusted for sample copies.
Hit agent_hit(const Document& doc, const Site& site, std::string message, std::string evidence = {});

// "MCP server \"x\"" / "settings" / "tool \"x\"" for messages, by the kind of agent file.
std::string holder_label(const Document& doc, std::string_view holder);

} // namespace handoff
