#pragma once
// What kind of data an MCP server touches, guessed from its name, packages and URL:
// the three legs of the "lethal trifecta" (untrusted content, private data, a way to
// send data out). A guess by name, so checks that use it report low confidence.
#include <string>
#include <vector>

namespace handoff {

struct ServerRoles {
    std::string untrusted;  // web-page, email, issue, chat-message, ... ; empty when none
    std::string private_data;  // files, database, documents, crm, ... ; empty when none
    std::string sends;      // http, email, chat, repository, ... ; empty when none
};

// words: the server's name, its package names, its URL host; compared in lower case.
ServerRoles classify_server(const std::vector<std::string>& words);

} // namespace handoff
