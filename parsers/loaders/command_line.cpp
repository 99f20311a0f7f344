#include "parsers/loaders/command_line.hpp"
#include "core/text.hpp"
#include "core/shell_text.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace handoff {

namespace {

struct Word {
    std::string text;
    std::size_t source = 0;
};

// The program's name without directories and Windows suffixes: C:\...\npx.cmd -> npx.
std::string program_name(std::string_view command) {
    std::size_t slash = command.find_last_of("/\\");
    std::string name = lower(slash == std::string_view::npos ? command : command.substr(slash + 1));
    for (std::string_view ext : {".exe", ".cmd", ".bat", ".ps1"}) {
        if (name.size() > ext.size() && name.ends_with(ext)) name.resize(name.size() - ext.size());
    }
    return name;
}

// Splits a shell string into words; "&&", "||", ";" and "|" become words of their own.
std::vector<std::string> shell_split(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    bool in_word = false;
    char quote = 0;
    auto flush = [&] {
        if (in_word) words.push_back(current);
        current.clear();
        in_word = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            } else {
                current += c;
            }
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            in_word = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            flush();
            continue;
        }
        if (c == ';' || c == '|' || c == '&') {
            flush();
            std::string op(1, c);
            if (i + 1 < text.size() && (text[i + 1] == c)) op += text[++i];
            words.push_back(op);
            continue;
        }
        current += c;
        in_word = true;
    }
    flush();
    return words;
}

bool is_separator(std::string_view w) { return w == "&&" || w == "||" || w == ";" || w == "|" || w == "&" || w == ";;"; }

bool is_url(std::string_view s) { return s.starts_with("http://") || s.starts_with("https://"); }

bool looks_like_local_path(std::string_view s) {
    return s.starts_with('.') || s.starts_with('/') || s.starts_with('~') || s.starts_with("file:") ||
           contains(s, "\\") || s.ends_with(".js") || s.ends_with(".mjs") || s.ends_with(".ts") ||
           s.ends_with(".py") || (s.size() > 1 && s[1] == ':');
}

bool exact_version(std::string_view v) {
    if (v.starts_with('v') || v.starts_with('=')) v.remove_prefix(1);
    if (v.empty() || std::isdigit(static_cast<unsigned char>(v[0])) == 0) return false;
    for (char c : v) {
        if (c == '*' || c == '^' || c == '~' || c == '>' || c == '<' || c == ' ' || c == '|') return false;
    }
    std::string_view core = v.substr(0, v.find_first_of("-+"));
    return !contains(core, "x") && !contains(core, "X");
}

// A commit pin: #abc1234 or @abc1234 made of hex digits, at least 7 long.
bool commit_pinned(std::string_view spec) {
    std::size_t at = spec.find_last_of("#@");
    if (at == std::string_view::npos) return false;
    std::string_view rev = spec.substr(at + 1);
    if (rev.size() < 7) return false;
    return std::all_of(rev.begin(), rev.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

bool from_repository(std::string_view spec) {
    return is_url(spec) || spec.starts_with("git+") || spec.starts_with("git@") || spec.starts_with("github:") ||
           spec.starts_with("gitlab:") || spec.starts_with("bitbucket:") ||
           (!spec.starts_with('@') && contains(spec, "/") && !looks_like_local_path(spec));
}

std::string npm_name(std::string_view spec) {
    std::size_t from = spec.starts_with('@') ? 1 : 0;
    std::size_t at = spec.find('@', from);
    return std::string(at == std::string_view::npos ? spec : spec.substr(0, at));
}

std::string pypi_name(std::string_view spec) {
    std::size_t end = spec.find_first_of("=<>~!@[ ");
    return std::string(end == std::string_view::npos ? spec : spec.substr(0, end));
}

bool pypi_pinned(std::string_view spec) {
    std::size_t eq = spec.find("==");
    if (eq != std::string_view::npos) return exact_version(spec.substr(eq + 2));
    std::size_t at = spec.find('@');
    if (at != std::string_view::npos) return exact_version(spec.substr(at + 1));
    return false;
}

class Analyzer {
public:
    explicit Analyzer(CommandAnalysis& out) : out_(out) {}

    void run(const std::vector<Word>& words, int depth) {
        // A shell line may chain commands: analyse each.
        std::vector<Word> segment;
        for (const Word& w : words) {
            if (is_separator(w.text)) {
                command(segment, depth);
                segment.clear();
            } else {
                segment.push_back(w);
            }
        }
        command(segment, depth);
    }

private:
    CommandAnalysis& out_;

    void risk(std::string capability, std::string scope, std::string detail, std::size_t source) {
        out_.risks.push_back({std::move(capability), std::move(scope), std::move(detail), source});
    }

    void shell_script(std::string_view script, std::size_t source, int depth) {
        if (depth > 3) return;
        std::vector<ScriptLine> lines = script_lines(script);
        if (std::any_of(lines.begin(), lines.end(), [](const ScriptLine& l) { return runs_downloaded_code(l.text); })) {
            risk("remote-script", "shell", "downloads a script and pipes it into an interpreter", source);
        }
        std::vector<Word> words;
        for (std::string& w : shell_split(script)) words.push_back({std::move(w), source});
        run(words, depth + 1);
    }

    void command(std::vector<Word> words, int depth) {
        // Leading NAME=value assignments and `env` only set the environment.
        while (!words.empty() && (words.front().text == "env" || words.front().text == "exec" ||
                                  (contains(words.front().text, "=") && !words.front().text.starts_with('-')))) {
            words.erase(words.begin());
        }
        if (words.empty()) return;
        std::string prog = program_name(words[0].text);
        if (prog == "bash" || prog == "sh" || prog == "zsh" || prog == "dash" || prog == "cmd" ||
            prog == "powershell" || prog == "pwsh") {
            for (std::size_t i = 1; i + 1 < words.size(); ++i) {
                std::string flag = lower(words[i].text);
                if (flag == "-c" || flag == "-lc" || flag == "-ic" || flag == "/c" || flag == "-command" ||
                    flag == "/k") {
                    shell_script(words[i + 1].text, words[i + 1].source, depth);
                    return;
                }
            }
            return;
        }
        std::size_t first = 1;
        if (prog == "npm" || prog == "pnpm" || prog == "yarn" || prog == "bun") {
            if (words.size() < 2) return;
            std::string sub = lower(words[1].text);
            if (sub == "exec" || sub == "x" || sub == "dlx") {
                first = 2;
                prog = "npx";
            } else {
                return;
            }
        }
        if (prog == "npx" || prog == "bunx" || prog == "pnpx") {
            npx(words, first, prog, depth);
        } else if (prog == "uvx" || prog == "pipx" || prog == "uv") {
            uvx(words, prog);
        } else if (prog == "docker" || prog == "podman") {
            docker(words);
        } else if (prog == "deno") {
            deno(words);
        } else {
            proxy_or_server(prog, words, 1);
        }
    }

    void npx(const std::vector<Word>& words, std::size_t first, const std::string& prog, int depth) {
        bool yes = false;
        std::vector<std::size_t> explicit_packages;
        std::size_t positional = words.size();
        for (std::size_t i = first; i < words.size(); ++i) {
            const std::string& w = words[i].text;
            if (w == "-y" || w == "--yes") {
                yes = true;
            } else if ((w == "-p" || w == "--package") && i + 1 < words.size()) {
                explicit_packages.push_back(++i);
            } else if (w.starts_with("--package=")) {
                explicit_packages.push_back(i);
            } else if ((w == "-c" || w == "--call") && i + 1 < words.size()) {
                shell_script(words[i + 1].text, words[i + 1].source, depth);
                ++i;
            } else if (w == "--") {
                continue;
            } else if (w.starts_with('-')) {
                continue;
            } else {
                positional = i;
                break;
            }
        }
        std::string runner = prog + (yes ? " -y" : "");
        for (std::size_t index : explicit_packages) {
            std::string spec = words[index].text;
            if (spec.starts_with("--package=")) spec = spec.substr(10);
            npm_package(spec, runner, words[index].source);
        }
        if (positional < words.size()) {
            if (explicit_packages.empty()) {
                npm_package(words[positional].text, runner, words[positional].source);
            }
            std::string name = explicit_packages.empty() ? npm_name(words[positional].text) : words[positional].text;
            proxy_or_server(name, words, positional + 1);
        }
    }

    void npm_package(const std::string& spec, const std::string& runner, std::size_t source) {
        if (spec.empty() || spec.starts_with('$')) return;
        if (looks_like_local_path(spec) && !from_repository(spec)) return;
        if (from_repository(spec)) {
            out_.packages.push_back(spec.substr(0, spec.find('#')));
            if (!commit_pinned(spec)) {
                risk("unpinned-package", spec.substr(0, spec.find('#')),
                     runner + " runs code from a repository without a commit pin", source);
            }
            return;
        }
        std::string name = npm_name(spec);
        out_.packages.push_back(name);
        if (!npm_spec_pinned(spec)) {
            bool latest = spec.ends_with("@latest");
            risk("unpinned-package", name,
                 runner + " " + name + (latest ? "@latest" : "") + " fetches whatever version is newest at start", source);
        }
    }

    void uvx(const std::vector<Word>& words, const std::string& prog) {
        std::size_t i = 1;
        if (prog == "pipx" || prog == "uv") {
            // pipx run PKG / uv tool run PKG; plain `uv run` runs the local project.
            if (words.size() > 1 && words[1].text == "run" && prog == "pipx") {
                i = 2;
            } else if (words.size() > 2 && words[1].text == "tool" && words[2].text == "run") {
                i = 3;
            } else {
                return;
            }
        }
        std::string runner = prog == "uvx" ? "uvx" : (prog == "pipx" ? "pipx run" : "uv tool run");
        std::size_t from_index = words.size();
        std::size_t positional = words.size();
        for (; i < words.size(); ++i) {
            const std::string& w = words[i].text;
            if (w == "--from" && i + 1 < words.size()) {
                from_index = ++i;
            } else if (w.starts_with("--from=")) {
                from_index = i;
            } else if ((w == "--with" || w == "--python" || w == "-p" || w == "--index-url" ||
                        w == "--extra-index-url" || w == "--directory" || w == "--index" || w == "--default-index" ||
                        w == "--with-requirements" || w == "--spec") &&
                       i + 1 < words.size()) {
                ++i;
            } else if (w.starts_with('-')) {
                continue;
            } else {
                positional = i;
                break;
            }
        }
        std::size_t spec_index = from_index < words.size() ? from_index : positional;
        if (spec_index >= words.size()) return;
        std::string spec = words[spec_index].text;
        if (spec.starts_with("--from=")) spec = spec.substr(7);
        if (spec.empty() || spec.starts_with('$')) return;
        if (from_repository(spec) && !looks_like_local_path(spec)) {
            out_.packages.push_back(spec.substr(0, spec.find('@', spec.find("://") + 3)));
            if (!commit_pinned(spec)) {
                risk("unpinned-package", out_.packages.back(),
                     runner + " runs code from a repository without a commit pin", words[spec_index].source);
            }
        } else if (!looks_like_local_path(spec)) {
            std::string name = pypi_name(spec);
            out_.packages.push_back(name);
            if (!pypi_pinned(spec)) {
                risk("unpinned-package", name, runner + " " + name + " fetches whatever version is newest at start",
                     words[spec_index].source);
            }
        }
        if (positional < words.size()) proxy_or_server(pypi_name(words[positional].text), words, positional + 1);
    }

    void deno(const std::vector<Word>& words) {
        for (std::size_t i = 1; i < words.size(); ++i) {
            const std::string& w = words[i].text;
            if (w.starts_with('-') || w == "run") continue;
            if (w.starts_with("npm:") || w.starts_with("jsr:")) {
                std::string spec = w.substr(4);
                out_.packages.push_back(npm_name(spec));
                if (!npm_spec_pinned(spec)) {
                    risk("unpinned-package", npm_name(spec), "deno run " + w + " fetches whatever version is newest",
                         words[i].source);
                }
            } else if (is_url(w)) {
                out_.packages.push_back(w);
                if (!contains(w, "@v") && !contains(w, "@0") && !contains(w, "@1")) {
                    risk("unpinned-package", w, "deno runs a script from a URL without a version", words[i].source);
                }
            }
            return;
        }
    }

    // Docker flags that take a value (so the value is not mistaken for the image).
    static bool docker_flag_takes_value(std::string_view flag) {
        static constexpr std::array kFlags{
            "-e", "--env", "-v", "--volume", "-p", "--publish", "--name", "--network", "--net", "-w", "--workdir",
            "--env-file", "--mount", "-u", "--user", "--entrypoint", "--platform", "--pid", "--cap-add",
            "--cap-drop", "-l", "--label", "--add-host", "-m", "--memory", "--cpus", "--device", "--ipc",
            "--restart", "--log-driver", "-h", "--hostname", "--security-opt", "--tmpfs", "--dns", "--shm-size",
            "--ulimit", "--runtime", "--gpus", "--pull", "--stop-signal", "--userns", "--uts", "--cgroupns",
        };
        return std::find(kFlags.begin(), kFlags.end(), flag) != kFlags.end();
    }

    void mount(std::string_view spec, std::size_t source) {
        std::string_view host = spec.substr(0, spec.find(':'));
        if (spec.starts_with("type=") || contains(spec, "source=") || contains(spec, "src=")) {
            std::size_t at = spec.find("source=");
            if (at == std::string_view::npos) at = spec.find("src=");
            std::string_view rest = spec.substr(spec.find('=', at) + 1);
            host = rest.substr(0, rest.find(','));
        }
        // Windows drive letters (C:\...) split on the first colon.
        if (host.size() == 1 && std::isalpha(static_cast<unsigned char>(host[0])) != 0 && spec.size() > 2 &&
            (spec[2] == '\\' || spec[2] == '/')) {
            host = spec.substr(0, spec.find(':', 2));
        }
        std::string h(host);
        while (h.size() > 1 && (h.back() == '/' || h.back() == '\\')) h.pop_back();
        if (contains(h, "docker.sock")) {
            risk("docker-socket", h, "mounts the Docker socket: the server controls the host's Docker", source);
        } else if (h == "/" || h == "C:" || h == "C:\\" || h == "c:" || h == "c:\\") {
            risk("host-mount", h, "mounts the host's whole file system", source);
        } else if (h == "~" || h == "$HOME" || h == "${HOME}" || h == "%USERPROFILE%" ||
                   (h.starts_with("/home/") && h.find('/', 6) == std::string::npos) ||
                   (h.starts_with("/Users/") && h.find('/', 7) == std::string::npos)) {
            risk("host-mount", h, "mounts the whole home directory", source);
        } else if (contains(h, ".ssh") || contains(h, ".aws") || contains(h, ".kube") || contains(h, ".gnupg") ||
                   contains(h, "gcloud") || contains(h, ".docker")) {
            risk("host-mount", h, "mounts a credentials directory", source);
        }
    }

    void publish(std::string_view spec, std::size_t source) {
        // [ip:]host_port:container_port[/proto]; no ip means every interface.
        std::string_view s = spec;
        std::string ip;
        if (s.starts_with('[')) {
            std::size_t close = s.find(']');
            if (close == std::string_view::npos) return;
            ip = std::string(s.substr(1, close - 1));
        } else if (std::count(s.begin(), s.end(), ':') >= 2) {
            ip = std::string(s.substr(0, s.find(':')));
        }
        if (ip.empty() || ip == "0.0.0.0" || ip == "::") {
            out_.listeners.push_back({ip.empty() ? std::string(spec) : ip,
                                      "docker -p " + std::string(spec) + " publishes the port on every interface",
                                      source});
        }
    }

    void docker(const std::vector<Word>& words) {
        if (words.size() < 2 || words[1].text != "run") return;
        for (std::size_t i = 2; i < words.size(); ++i) {
            std::string w = words[i].text;
            std::string value;
            std::string flag = w;
            std::size_t eq = w.find('=');
            bool inline_value = w.starts_with("--") && eq != std::string::npos;
            if (inline_value) {
                flag = w.substr(0, eq);
                value = w.substr(eq + 1);
            }
            std::size_t value_source = words[i].source;
            if (!inline_value && docker_flag_takes_value(flag)) {
                if (i + 1 >= words.size()) return;
                value = words[++i].text;
                value_source = words[i].source;
            }
            if (flag == "--privileged") {
                risk("container-privileged", "--privileged", "docker run --privileged gives the container the host's devices", value_source);
            } else if ((flag == "--network" || flag == "--net") && value == "host") {
                risk("host-network", "host", "docker run --network host shares the host's network", value_source);
            } else if (flag == "--pid" && value == "host") {
                risk("host-pid", "host", "docker run --pid host sees every host process", value_source);
            } else if (flag == "--cap-add" && (value == "ALL" || value == "SYS_ADMIN")) {
                risk("container-privileged", "--cap-add " + value, "docker run --cap-add " + value, value_source);
            } else if (flag == "-v" || flag == "--volume" || flag == "--mount") {
                mount(value, value_source);
            } else if (flag == "-p" || flag == "--publish") {
                publish(value, value_source);
            } else if (flag == "-P" || flag == "--publish-all") {
                out_.listeners.push_back({"*", "docker run -P publishes every port on every interface", value_source});
            } else if (!w.starts_with('-')) {
                std::string image = w;
                std::string bare = image.substr(0, image.find('@'));
                std::size_t colon = bare.rfind(':');
                std::size_t slash = bare.rfind('/');
                if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) bare = bare.substr(0, colon);
                out_.packages.push_back(bare);
                if (!image.starts_with('$') && !image_pinned(image)) {
                    risk("unpinned-package", bare,
                         "docker run " + image + " without a version tag or digest pulls whatever is newest",
                         words[i].source);
                }
                return;
            }
        }
    }

    // Listening flags, filesystem roots and proxy targets, whatever the runner.
    void proxy_or_server(const std::string& name, const std::vector<Word>& words, std::size_t from) {
        bool filesystem = contains(name, "server-filesystem") || contains(name, "filesystem-server") ||
                          contains(name, "mcp-filesystem") || name == "filesystem";
        bool proxy = contains(name, "mcp-remote") || contains(name, "supergateway") || contains(name, "mcp-proxy") ||
                     contains(name, "remote-mcp");
        RemoteTarget target;
        target.oauth = contains(name, "mcp-remote");
        for (std::size_t i = from; i < words.size(); ++i) {
            const std::string& w = words[i].text;
            std::string flag = lower(w.substr(0, w.find('=')));
            bool inline_value = w.starts_with("--") && w.find('=') != std::string::npos;
            std::string value = inline_value ? w.substr(w.find('=') + 1) : (i + 1 < words.size() ? words[i + 1].text : "");
            if (flag == "--host" || flag == "--bind" || flag == "--listen" || flag == "--address" ||
                flag == "--hostname" || flag == "--bind-address" || flag == "--host-address") {
                std::string addr = value.substr(0, value.rfind(':') == std::string::npos || value == "::" ? value.size() : value.rfind(':'));
                if (addr == "0.0.0.0" || addr == "::" || addr == "[::]" || value == "::" || value.starts_with("0.0.0.0")) {
                    out_.listeners.push_back({value, flag + " " + value + " listens on every interface",
                                              inline_value ? words[i].source : (i + 1 < words.size() ? words[i + 1].source : words[i].source)});
                }
            }
            if (proxy) {
                if ((flag == "--header" || flag == "-h") && !inline_value && i + 1 < words.size()) {
                    target.header_sources.push_back(words[i + 1].source);
                } else if (inline_value && flag == "--header") {
                    target.header_sources.push_back(words[i].source);
                } else if (target.url.empty() && is_url(value) &&
                           (flag == "--sse" || flag == "--streamablehttp" || flag == "--url" || flag == "--server")) {
                    target.url = value;
                    target.source = inline_value ? words[i].source : words[i + 1].source;
                } else if (target.url.empty() && is_url(w)) {
                    target.url = w;
                    target.source = words[i].source;
                }
            }
            if (filesystem && !w.starts_with('-')) {
                std::string root = w;
                while (root.size() > 1 && (root.back() == '/' || root.back() == '\\')) root.pop_back();
                bool broad = root == "/" || root == "~" || root == "$HOME" || root == "${HOME}" ||
                             root == "%USERPROFILE%" || root == "${userHome}" || root == "C:" || root == "C:\\" ||
                             root == "c:" || root == "c:\\" || root == "C:/" ||
                             (root.starts_with("/Users/") && root.find('/', 7) == std::string::npos) ||
                             (root.starts_with("/home/") && root.find('/', 6) == std::string::npos) ||
                             (lower(root).starts_with("c:\\users\\") && root.find('\\', 9) == std::string::npos);
                if (broad) {
                    risk("filesystem-root", root, "filesystem server rooted at " + root, words[i].source);
                }
            }
        }
        if (!target.url.empty()) out_.remotes.push_back(std::move(target));
    }
};

} // namespace

bool npm_spec_pinned(std::string_view spec) {
    std::size_t from = spec.starts_with('@') ? 1 : 0;
    std::size_t at = spec.find('@', from);
    if (at == std::string_view::npos) return false;
    return exact_version(spec.substr(at + 1));
}

bool image_pinned(std::string_view image) {
    if (contains(image, "@sha256:")) return true;
    std::size_t slash = image.rfind('/');
    std::size_t colon = image.rfind(':');
    if (colon == std::string_view::npos || (slash != std::string_view::npos && colon < slash)) return false;
    std::string_view tag = image.substr(colon + 1);
    return !tag.empty() && tag != "latest";
}

CommandAnalysis analyze_command(const std::vector<std::string>& argv) {
    CommandAnalysis out;
    if (argv.empty()) return out;
    std::vector<Word> words;
    if (argv.size() == 1 && argv[0].find(' ') != std::string::npos) {
        for (std::string& w : shell_split(argv[0])) words.push_back({std::move(w), 0});
    } else {
        for (std::size_t i = 0; i < argv.size(); ++i) words.push_back({argv[i], i});
    }
    Analyzer(out).run(words, 0);
    return out;
}

} // namespace handoff
