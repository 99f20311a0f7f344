#include "checks/tokens/catalog.hpp"

#include <algorithm>
#include <array>

#include "checks/tokens/samples.hpp"
#include "checks/tokens/validators.hpp"

namespace handoff::tokens {

namespace {
using S = Severity;
using C = Confidence;

constexpr std::string_view kRotate =
    "Revoke the token at the provider now (it is in the repository's history), issue a new one, and "
    "load it from a secret store or CI secret instead of the file.";

constexpr RuleInfo rule(std::string_view id, std::string_view title, S severity, std::string_view summary,
                        C confidence = C::high) {
    return RuleInfo{id, title, Family::embedded_token, severity, confidence, summary, kRotate};
}

constexpr RuleInfo fallback(RuleInfo info) {
    info.fallback = true;
    return info;
}

// Sorted by id.
const std::array kRules = {
    rule("age-secret-key", "age encryption secret key", S::critical, "Decrypts every file encrypted to its recipient."),
    rule("airtable-token", "Airtable personal access token", S::high, "Reads and writes the bases it was scoped to."),
    rule("anthropic-api-key", "Anthropic API key", S::high, "Spends the organisation's Claude credits; admin keys manage the whole organisation."),
    rule("aws-access-key", "AWS access key id", S::high, "Half of an AWS credential pair; where it sits, the secret key is usually near."),
    rule("aws-secret-key", "AWS secret access key", S::critical, "With its key id, acts as the IAM user or role in the AWS account."),
    rule("aws-session-token", "AWS session token", S::medium, "Temporary AWS credentials, valid until they expire."),
    rule("azure-ad-client-secret", "Azure AD client secret", S::high, "Authenticates as the application registration in the tenant."),
    rule("azure-devops-pat", "Azure DevOps personal access token", S::high, "Acts as the user in Azure DevOps within the token's scopes."),
    rule("azure-openai-key", "Azure OpenAI / AI services key", S::high, "Calls the Azure AI resource and spends its quota.", C::medium),
    rule("cohere-api-key", "Cohere API key", S::high, "Spends the account's Cohere credits.", C::medium),
    rule("databricks-token", "Databricks personal access token", S::high, "Acts as the user in the Databricks workspace."),
    rule("deepseek-api-key", "DeepSeek API key", S::high, "Spends the account's DeepSeek credits.", C::medium),
    rule("digitalocean-token", "DigitalOcean token", S::critical, "Manages the DigitalOcean account's droplets, databases and DNS."),
    rule("discord-bot-token", "Discord bot token", S::high, "Logs in as the bot in every server it was added to.", C::medium),
    rule("discord-webhook-url", "Discord webhook URL", S::medium, "Anyone holding the URL can post into the channel."),
    rule("docker-config-auth", "Docker registry credentials", S::high, "base64 of user:password for a container registry: pull and push images."),
    rule("doppler-token", "Doppler token", S::high, "Reads the secrets of the Doppler project or workplace."),
    rule("figma-token", "Figma personal access token", S::medium, "Reads the user's Figma files."),
    fallback(rule("generic-secret", "Secret value under a secret-like name", S::high, "A random-looking value stored under a name such as password, token, secret or api_key.", C::medium)),
    rule("github-token", "GitHub token", S::high, "Acts as the user or app on GitHub within the token's scopes."),
    rule("gitlab-token", "GitLab token", S::high, "Acts as the user, project or runner on the GitLab instance."),
    rule("google-api-key", "Google API key", S::high, "Calls the Google APIs enabled for the project (Gemini, Maps, Firebase) and spends its quota."),
    rule("google-oauth-client-secret", "Google OAuth client secret", S::high, "Lets anyone impersonate the OAuth application."),
    rule("grafana-token", "Grafana token", S::high, "Acts as the Grafana service account or Cloud access policy."),
    rule("groq-api-key", "Groq API key", S::high, "Spends the account's Groq credits."),
    rule("hashicorp-vault-token", "HashiCorp Vault token", S::critical, "Reads the secrets its policies allow, often all of them."),
    rule("huggingface-token", "Hugging Face token", S::high, "Reads (and with write scope, pushes) the user's or organisation's models and datasets."),
    rule("jwt-token", "JSON Web Token", S::medium, "A bearer token: whoever holds it is the subject until it expires.", C::medium),
    rule("langsmith-api-key", "LangSmith API key", S::high, "Reads the traces of every run, prompts and outputs included."),
    rule("linear-api-key", "Linear API key", S::medium, "Reads and writes the workspace's issues."),
    rule("mailgun-api-key", "Mailgun API key", S::high, "Sends mail as the domain and reads its logs."),
    rule("maven-password", "Plaintext password in Maven settings", S::high, "A repository password written in settings.xml instead of an encrypted or ${env.X} value."),
    rule("mistral-api-key", "Mistral API key", S::high, "Spends the account's Mistral credits.", C::medium),
    rule("n8n-api-key", "n8n API key", S::critical, "Controls the n8n instance: reads, edits and runs every workflow and its credentials."),
    rule("notion-token", "Notion integration token", S::high, "Reads and writes the pages shared with the integration."),
    rule("npm-token", "npm access token", S::high, "Publishes packages as the user: a supply-chain risk."),
    rule("nuget-password", "Plaintext password in NuGet.config", S::high, "A feed password stored as ClearTextPassword."),
    rule("openai-api-key", "OpenAI API key", S::high, "Spends the organisation's OpenAI credits and reads its files and assistants; admin keys manage the organisation."),
    rule("openrouter-api-key", "OpenRouter API key", S::high, "Spends the account's OpenRouter credits across every model."),
    rule("perplexity-api-key", "Perplexity API key", S::high, "Spends the account's Perplexity credits."),
    rule("pinecone-api-key", "Pinecone API key", S::high, "Reads and writes every index in the Pinecone project."),
    rule("postman-api-key", "Postman API key", S::high, "Reads the user's collections and environments, secrets included."),
    rule("private-key", "Private key", S::critical, "Whoever has the private key can sign, decrypt or log in as its owner."),
    rule("pypi-token", "PyPI API token", S::high, "Uploads releases of the user's packages: a supply-chain risk."),
    rule("replicate-api-token", "Replicate API token", S::high, "Runs models on the account's bill."),
    rule("sendgrid-api-key", "SendGrid API key", S::high, "Sends mail as the account: phishing from a trusted domain."),
    rule("shopify-token", "Shopify access token", S::high, "Acts as the app in the shop: orders, customers, products."),
    rule("slack-token", "Slack token", S::high, "Reads and posts in the workspace as the bot, user or app."),
    rule("slack-webhook-url", "Slack incoming webhook URL", S::medium, "Anyone holding the URL can post into the channel."),
    rule("sonarqube-token", "SonarQube token", S::medium, "Reads the analysed code and runs analyses as the user."),
    rule("stripe-key", "Stripe secret key", S::critical, "Live keys move money: charges, refunds, payouts and customer data."),
    rule("supabase-key", "Supabase secret key", S::critical, "Service-role keys bypass row-level security: the whole database."),
    rule("telegram-bot-token", "Telegram bot token", S::high, "Controls the bot: reads its chats and posts as it."),
    rule("twilio-credential", "Twilio auth token or API key secret", S::high, "Sends SMS and places calls on the account's bill.", C::medium),
    rule("url-credentials", "Credentials in a URL", S::high, "A user:password@ pair inside a connection string or URL."),
    rule("xai-api-key", "xAI API key", S::high, "Spends the account's xAI (Grok) credits."),
};

const std::array kPatterns = {
    // OpenAI: T3BlbkFJ (base64 of "OpenAI") sits in every sk- family.
    Pattern{"openai-api-key", "legacy user key", "T3BlbkFJ", R"(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})", 23, 51, S::high, C::high, nullptr, "full access to the organisation's API"},
    Pattern{"openai-api-key", "project key", "T3BlbkFJ", R"(sk-proj-[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100})", 110, 220, S::high, C::high, nullptr, "access to the project's models, files and assistants"},
    Pattern{"openai-api-key", "service-account key", "T3BlbkFJ", R"(sk-svcacct-[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100})", 113, 220, S::high, C::high, nullptr, "a service account's access to the project"},
    Pattern{"openai-api-key", "admin key", "T3BlbkFJ", R"(sk-admin-[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100})", 111, 220, S::critical, C::high, nullptr, "manages the organisation: users, projects and keys"},
    Pattern{"openai-api-key", "key", "T3BlbkFJ", R"(sk-(?:None|service-[A-Za-z0-9-]{1,40})-[A-Za-z0-9_-]{20,100}T3BlbkFJ[A-Za-z0-9_-]{20,100})", 160, 260, S::high, C::high, nullptr, "access to the organisation's API"},
    // Anthropic.
    Pattern{"anthropic-api-key", "API key", "sk-ant-api", R"(sk-ant-api0[0-9]-[A-Za-z0-9_-]{80,120})", 0, 140, S::high, C::high, &kAnthropic, "spends the workspace's credits"},
    Pattern{"anthropic-api-key", "admin key", "sk-ant-admin", R"(sk-ant-admin0[0-9]-[A-Za-z0-9_-]{80,120})", 0, 140, S::critical, C::high, &kAnthropic, "manages the organisation: members, workspaces and keys"},
    // Google.
    Pattern{"google-api-key", "API key", "AIza", R"(AIza[0-9A-Za-z_-]{35})", 0, 39, S::high, C::high, nullptr, "calls every API enabled for the project"},
    Pattern{"google-oauth-client-secret", "OAuth client secret", "GOCSPX-", R"(GOCSPX-[A-Za-z0-9_-]{28})", 0, 35, S::high, C::high, nullptr, "impersonates the OAuth client"},
    // Hugging Face.
    Pattern{"huggingface-token", "user access token", "hf_", R"(hf_[A-Za-z0-9]{34})", 0, 37, S::high, C::high, &kRandomBody, "the user's models, datasets and Spaces"},
    Pattern{"huggingface-token", "organisation token", "api_org_", R"(api_org_[A-Za-z0-9]{34})", 0, 42, S::high, C::high, &kRandomBody, "the organisation's models and datasets"},
    // GitHub: classic tokens carry a CRC-32 checksum.
    Pattern{"github-token", "classic personal access token", "ghp_", R"(ghp_[A-Za-z0-9]{36})", 0, 40, S::critical, C::high, &kChecksum, "broad classic scopes over every repository the user can reach"},
    Pattern{"github-token", "OAuth access token", "gho_", R"(gho_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "acts as the user for the OAuth app's scopes"},
    Pattern{"github-token", "user-to-server token", "ghu_", R"(ghu_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "acts as the user through the GitHub App"},
    Pattern{"github-token", "installation (server-to-server) token", "ghs_", R"(ghs_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "acts as the GitHub App installation, short-lived"},
    Pattern{"github-token", "refresh token", "ghr_", R"(ghr_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "mints new user-to-server tokens"},
    Pattern{"github-token", "fine-grained personal access token", "github_pat_", R"(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})", 0, 93, S::high, C::high, nullptr, "limited to the repositories and permissions it was granted"},
    // GitLab.
    Pattern{"gitlab-token", "personal access token", "glpat-", R"(glpat-(?:[A-Za-z0-9_-]{27,}\.[0-9a-z]{9}|[A-Za-z0-9_-]{20}))", 0, 320, S::high, C::high, &kRandomBody, "acts as the user within the token's scopes"},
    Pattern{"gitlab-token", "deploy, runner, CI or feed token", "gldt-|glrt-|glcbt-|glptt-|glft-|glimt-|glagent-|gloas-|glffct-|glsoat-", R"(gl(?:dt|rt|cbt|ptt|ft|imt|agent|oas|ffct|soat)-[A-Za-z0-9_-]{20,64})", 0, 80, S::high, C::high, &kRandomBody, "project or runner access"},
    Pattern{"gitlab-token", "runner registration token", "GR1348941", R"(GR1348941[A-Za-z0-9_-]{20})", 0, 29, S::medium, C::high, &kRandomBody, "registers runners that receive the project's jobs and secrets"},
    // Slack.
    Pattern{"slack-token", "bot token", "xoxb-", R"(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24})", 0, 60, S::high, C::high, nullptr, "reads and posts as the bot"},
    Pattern{"slack-token", "user token", "xoxp-", R"(xoxp-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32})", 0, 90, S::critical, C::high, nullptr, "acts as the user: every channel and DM they can read"},
    Pattern{"slack-token", "app-level token", "xapp-", R"(xapp-1-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64})", 0, 100, S::high, C::high, nullptr, "connects to the app's event stream"},
    Pattern{"slack-token", "refresh token", "xoxe", R"(xoxe(?:\.xox[bp])?-1-[A-Za-z0-9]{100,})", 0, 270, S::high, C::high, nullptr, "mints new tokens for the app"},
    Pattern{"slack-webhook-url", "incoming webhook", "hooks.slack.com/", R"(https://hooks\.slack\.com/(?:services/T[A-Z0-9]{8,12}/B[A-Z0-9]{8,12}/[A-Za-z0-9]{24}|workflows/T[A-Z0-9]{8,12}/A[A-Z0-9]{8,12}/[0-9]{10,20}/[A-Za-z0-9]{24}|triggers/T[A-Z0-9]{8,12}/[0-9]{10,20}/[A-Za-z0-9]{32}))", 8, 160, S::medium, C::high, &kRandomBody, "posts into the channel"},
    // Discord.
    Pattern{"discord-webhook-url", "webhook", "discord.com/api|discordapp.com/api", R"(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,80})", 15, 180, S::medium, C::high, &kRandomBody, "posts into the channel"},
    // Telegram: <bot id>:AA<35>.
    Pattern{"telegram-bot-token", "bot token", ":AA", R"((?:bot)?([0-9]{8,10}:AA[A-Za-z0-9_-]{33}))", 13, 50, S::high, C::high, &kRandomBody, "controls the bot"},
    // Stripe: live above restricted above test.
    Pattern{"stripe-key", "live secret key", "sk_live_", R"(sk_live_[A-Za-z0-9]{24,99})", 0, 107, S::critical, C::high, &kRandomBody, "moves money on the live account"},
    Pattern{"stripe-key", "live restricted key", "rk_live_", R"(rk_live_[A-Za-z0-9]{24,99})", 0, 107, S::high, C::high, &kRandomBody, "live-mode access limited to the key's permissions"},
    Pattern{"stripe-key", "test-mode secret key", "sk_test_", R"(sk_test_[A-Za-z0-9]{24,99})", 0, 107, S::low, C::high, &kRandomBody, "test mode only, but still a credential"},
    Pattern{"stripe-key", "test-mode restricted key", "rk_test_", R"(rk_test_[A-Za-z0-9]{24,99})", 0, 107, S::low, C::high, &kRandomBody, "test mode only, but still a credential"},
    Pattern{"stripe-key", "webhook signing secret", "whsec_", R"(whsec_[A-Za-z0-9+/]{32,64})", 0, 70, S::medium, C::high, &kRandomBody, "forges webhook events the endpoint will trust"},
    // AWS.
    Pattern{"aws-access-key", "long-term access key id", "AKIA|ABIA|ACCA", R"((?:AKIA|ABIA|ACCA)[A-Z2-7]{16})", 0, 20, S::high, C::high, &kRandomBody, "a long-term IAM user key"},
    Pattern{"aws-access-key", "temporary (STS) access key id", "ASIA", R"(ASIA[A-Z2-7]{16})", 0, 20, S::medium, C::high, &kRandomBody, "temporary credentials, usable with their session token"},
    Pattern{"aws-secret-key", "secret access key", "secret_access_key|secretaccesskey|secret-access-key", R"((?i:aws_?secret_?access_?key|secret_?access_?key|secret-access-key)[\s"':=]{1,8}([A-Za-z0-9/+]{40})(?:[^A-Za-z0-9/+=]|$))", 4, 90, S::critical, C::high, &kAwsSecret, "acts as the IAM principal"},
    Pattern{"aws-session-token", "session token", "IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE", R"((?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9/+=]{80,})", 0, 2100, S::medium, C::high, nullptr, "temporary credentials until they expire"},
    // Microsoft annotated keys: JQQJ99 at offset 52, service tag at offset 76.
    Pattern{"azure-openai-key", "AI services key", "JQQJ99", R"([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}ACOG[A-Za-z0-9]{4})", 52, 84, S::high, C::high, nullptr, "calls the Azure AI resource"},
    Pattern{"azure-devops-pat", "personal access token", "JQQJ99", R"([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4})", 52, 84, S::high, C::high, nullptr, "acts as the user in Azure DevOps"},
    Pattern{"azure-ad-client-secret", "client secret", "Q~", R"([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})", 4, 40, S::high, C::medium, &kRandomBody, "authenticates as the app registration"},
    // Messaging and productivity.
    Pattern{"sendgrid-api-key", "API key", "SG.", R"(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})", 0, 69, S::high, C::high, nullptr, "sends mail as the account"},
    Pattern{"mailgun-api-key", "private API key", "key-", R"(key-[0-9a-f]{32})", 0, 36, S::high, C::medium, &kRandomBody, "sends mail as the domain"},
    Pattern{"notion-token", "integration token", "ntn_", R"(ntn_[0-9]{11}[A-Za-z0-9]{35})", 0, 50, S::high, C::high, &kRandomBody, "the pages shared with the integration"},
    Pattern{"notion-token", "legacy integration token", "secret_", R"(secret_[A-Za-z0-9]{43})", 0, 50, S::high, C::medium, &kRandomBody, "the pages shared with the integration"},
    Pattern{"airtable-token", "personal access token", "pat", R"(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})", 0, 82, S::high, C::high, &kAirtable, "the bases it was scoped to"},
    Pattern{"linear-api-key", "API key", "lin_api_", R"(lin_api_[A-Za-z0-9]{40})", 0, 48, S::medium, C::high, &kRandomBody, "the workspace's issues"},
    Pattern{"figma-token", "personal access token", "figd_", R"(figd_[A-Za-z0-9_-]{40,})", 0, 100, S::medium, C::high, &kRandomBody, "the user's files"},
    Pattern{"postman-api-key", "API key", "PMAK-", R"(PMAK-[0-9a-f]{24}-[0-9a-f]{34})", 0, 64, S::high, C::high, nullptr, "the user's collections and environments"},
    // Package registries.
    Pattern{"npm-token", "access token", "npm_", R"(npm_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "publishes packages as the user"},
    Pattern{"pypi-token", "API token", "pypi-AgEIcHlwaS5vcmc", R"(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})", 0, 420, S::high, C::high, nullptr, "uploads releases of the user's projects"},
    Pattern{"pypi-token", "TestPyPI API token", "pypi-AgENdGVzdC5weXBpLm9yZw", R"(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,})", 0, 430, S::medium, C::high, nullptr, "uploads to TestPyPI"},
    Pattern{"sonarqube-token", "token", "squ_|sqa_|sqp_", R"(sq[uap]_[0-9a-f]{40})", 0, 44, S::medium, C::high, nullptr, "reads analysed code and runs analyses"},
    // AI providers.
    Pattern{"groq-api-key", "API key", "gsk_", R"(gsk_[A-Za-z0-9]{52})", 0, 56, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"replicate-api-token", "API token", "r8_", R"(r8_[A-Za-z0-9]{37})", 0, 40, S::high, C::high, &kRandomBody, "runs models on the account's bill"},
    Pattern{"perplexity-api-key", "API key", "pplx-", R"(pplx-[A-Za-z0-9]{48})", 0, 53, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"xai-api-key", "API key", "xai-", R"(xai-[A-Za-z0-9]{80})", 0, 84, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"openrouter-api-key", "API key", "sk-or-v1-", R"(sk-or-v1-[0-9a-f]{64})", 0, 73, S::high, C::high, &kRandomBody, "spends the account's credits on every model"},
    Pattern{"deepseek-api-key", "API key", "sk-", R"(sk-[0-9a-f]{32})", 0, 35, S::high, C::medium, &kRandomBody, "spends the account's credits"},
    Pattern{"pinecone-api-key", "API key", "pcsk_", R"(pcsk_[A-Za-z0-9]{4,8}_[A-Za-z0-9]{50,80})", 0, 95, S::high, C::high, &kRandomBody, "reads and writes every index in the project"},
    Pattern{"langsmith-api-key", "personal access token", "lsv2_pt_", R"(lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10})", 0, 51, S::high, C::high, nullptr, "reads every trace of the workspace"},
    Pattern{"langsmith-api-key", "service key", "lsv2_sk_", R"(lsv2_sk_[0-9a-f]{32}_[0-9a-f]{10})", 0, 51, S::high, C::high, nullptr, "reads and writes every trace of the workspace"},
    // Supabase and JWTs (decoded to judge them).
    Pattern{"supabase-key", "secret key", "sb_secret_", R"(sb_secret_[A-Za-z0-9_-]{22}_[A-Za-z0-9]{8})", 0, 41, S::critical, C::high, &kRandomBody, "bypasses row-level security"},
    Pattern{"supabase-key", "personal access token", "sbp_", R"(sbp_[0-9a-f]{40})", 0, 44, S::critical, C::high, &kRandomBody, "manages every project of the account"},
    Pattern{"jwt-token", "JSON Web Token", "eyJ", R"(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)", 0, 4096, S::medium, C::medium, &kJwt, "authenticates as its subject until it expires"},
    // Infrastructure.
    Pattern{"shopify-token", "access token", "shpat_|shpca_|shppa_|shpss_", R"(shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})", 0, 38, S::high, C::high, nullptr, "acts as the app in the shop"},
    Pattern{"databricks-token", "personal access token", "dapi", R"(dapi[0-9a-f]{32}(?:-[0-9])?)", 0, 38, S::high, C::medium, &kRandomBody, "acts as the user in the workspace"},
    Pattern{"digitalocean-token", "token", "dop_v1_|doo_v1_|dor_v1_", R"(do[opr]_v1_[0-9a-f]{64})", 0, 71, S::critical, C::high, nullptr, "manages the account's resources"},
    Pattern{"hashicorp-vault-token", "token", "hvs.|hvb.|hvr.", R"(hv[sbr]\.[A-Za-z0-9_-]{24,})", 0, 310, S::critical, C::high, &kRandomBody, "reads the secrets its policies allow"},
    Pattern{"grafana-token", "service account token", "glsa_", R"(glsa_[A-Za-z0-9]{32}_[0-9a-f]{8})", 0, 46, S::high, C::high, nullptr, "acts as the service account"},
    Pattern{"doppler-token", "token", "dp.st.|dp.sa.|dp.ct.|dp.pt.", R"(dp\.(?:st|sa|ct|pt)\.[A-Za-z0-9_.-]{40,64})", 0, 75, S::high, C::high, &kRandomBody, "reads the project's secrets"},
    Pattern{"age-secret-key", "secret key", "AGE-SECRET-KEY-1", R"(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", 0, 74, S::critical, C::high, nullptr, "decrypts every file encrypted to it"},
    Pattern{"private-key", "private key", "PRIVATE KEY-----", R"(-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED|SSH2 ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----)", 40, 64, S::critical, C::high, &kPrivateKey, "signs, decrypts or logs in as its owner", true},
    Pattern{"private-key", "PuTTY private key", "PuTTY-User-Key-File-", R"(PuTTY-User-Key-File-[23]: [a-z0-9-]+)", 0, 60, S::critical, C::high, &kPrivateKey, "logs in as its owner", true},
    // Structured credentials.
    Pattern{"url-credentials", "user:password in a URL", "://", R"([A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:@/?#'"<>\\]{0,64}:([^\s@/'"<>\\]{1,})@[A-Za-z0-9_.-]{1,})", 24, 560, S::high, C::high, &kUrlCredentials, "logs in to the service"},
    Pattern{"docker-config-auth", "registry auth", "\"auth\"", R"re("auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})")re", 0, 600, S::high, C::high, &kDockerAuth, "pulls and pushes images"},
    Pattern{"maven-password", "server password", "<password>", R"(<password>([^<]{1,})</password>)", 0, 280, S::high, C::high, &kPlainPassword, "publishes to the repository"},
    Pattern{"nuget-password", "feed password", "ClearTextPassword", R"re((?i:key="ClearTextPassword")\s+value="([^"]{1,})")re", 5, 300, S::high, C::high, &kPlainPassword, "reads or pushes packages on the feed"},
};

constexpr std::array kContextShapes = {
    ContextShape{"mistral", "mistral-api-key", "API key", "[A-Za-z0-9]{32}"},
    ContextShape{"cohere", "cohere-api-key", "API key", "[A-Za-z0-9]{40}"},
    ContextShape{"twilio", "twilio-credential", "auth token", "[0-9a-f]{32}"},
    ContextShape{"twilio", "twilio-credential", "API key secret", "[A-Za-z0-9]{32}"},
    ContextShape{"azure-openai", "azure-openai-key", "key (32-hex format)", "[0-9a-fA-F]{32}"},
    ContextShape{"discord", "discord-bot-token", "bot token", R"([MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})"},
    ContextShape{"mailgun", "mailgun-api-key", "API key", "[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}"},
    ContextShape{"aws", "aws-secret-key", "secret access key", "[A-Za-z0-9/+]{40}", S::critical},
    ContextShape{"aws-session", "aws-session-token", "session token", "[A-Za-z0-9/+=]{100,}", S::medium},
    ContextShape{"pinecone", "pinecone-api-key", "legacy API key", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", S::high, false},
};

constexpr GenericRule kGeneric{"generic-secret", "whatever the key name says it unlocks"};

constexpr std::array<std::string_view, 12> kPublicPrefixes = {
    "pk_live_", "pk_test_", "sb_publishable_", "phc_", "pubkey-", "sha256:", "sha512-", "sha384-", "sha1-",
    "ssh-rsa ", "ssh-ed25519", "data:",
};

// Sorted by id.
constexpr std::array kProviders = {
    ProviderInfo{"airtable", "Airtable", "Airtable builder hub > Personal access tokens", "https://airtable.com/create/tokens", ""},
    ProviderInfo{"anthropic", "Anthropic", "Anthropic Console > API keys", "https://console.anthropic.com/settings/keys", "claude"},
    ProviderInfo{"aws", "AWS", "AWS IAM console > Users > Security credentials", "https://console.aws.amazon.com/iam/", ""},
    ProviderInfo{"azure", "Microsoft Azure", "Azure portal (the resource's Keys page, or Entra ID app registrations)",
                 "https://portal.azure.com/", ""},
    ProviderInfo{"discord", "Discord", "Discord Developer Portal > Applications > Bot", "https://discord.com/developers/applications", ""},
    ProviderInfo{"docker", "Docker Hub", "Docker Hub > Account settings > Personal access tokens", "", ""},
    ProviderInfo{"github", "GitHub", "GitHub > Settings > Developer settings > Personal access tokens (fine-grained)",
                 "https://github.com/settings/tokens", "gh"},
    ProviderInfo{"gitlab", "GitLab", "GitLab > Preferences > Access tokens", "", ""},
    ProviderInfo{"google", "Google Cloud", "Google Cloud console > APIs & Services > Credentials",
                 "https://console.cloud.google.com/apis/credentials", "gcp"},
    ProviderInfo{"huggingface", "Hugging Face", "Hugging Face > Settings > Access Tokens", "https://huggingface.co/settings/tokens", "hf"},
    ProviderInfo{"mailgun", "Mailgun", "Mailgun dashboard > API keys", "", ""},
    ProviderInfo{"notion", "Notion", "Notion > Settings > Integrations (internal integration secret)",
                 "https://www.notion.so/my-integrations", ""},
    ProviderInfo{"npm", "npm", "npmjs.com > Access Tokens", "", ""},
    ProviderInfo{"openai", "OpenAI", "OpenAI platform > API keys", "https://platform.openai.com/api-keys", ""},
    ProviderInfo{"pypi", "PyPI", "PyPI > Account settings > API tokens", "", ""},
    ProviderInfo{"sendgrid", "SendGrid", "SendGrid > Settings > API Keys", "https://app.sendgrid.com/settings/api_keys", "sg"},
    ProviderInfo{"slack", "Slack", "Slack API > Your apps > OAuth & Permissions (or Incoming Webhooks)", "https://api.slack.com/apps", ""},
    ProviderInfo{"stripe", "Stripe", "Stripe dashboard > Developers > API keys (use a restricted key)",
                 "https://dashboard.stripe.com/apikeys", ""},
    ProviderInfo{"telegram", "Telegram", "Telegram @BotFather (/newbot or /token)", "", ""},
    ProviderInfo{"twilio", "Twilio", "Twilio console > Account > API keys & tokens", "https://console.twilio.com/", ""},
};
} // namespace

std::span<const Pattern> patterns() { return kPatterns; }
std::span<const ContextShape> context_shapes() { return kContextShapes; }
const GenericRule& generic_rule() { return kGeneric; }
std::span<const std::string_view> public_prefixes() { return kPublicPrefixes; }
std::span<const ProviderInfo> providers() { return kProviders; }
std::span<const RuleInfo> token_rules() { return kRules; }

const RuleInfo* token_rule(std::string_view id) {
    auto it = std::lower_bound(kRules.begin(), kRules.end(), id, [](const RuleInfo& r, std::string_view v) { return r.id < v; });
    return it != kRules.end() && it->id == id ? &*it : nullptr;
}

std::string_view rule_power(std::string_view id) {
    const RuleInfo* info = token_rule(id);
    return info != nullptr ? info->summary : std::string_view();
}

std::span<const RuleSamples> rule_samples() { return all_rule_samples(); }

} // namespace handoff::tokens
