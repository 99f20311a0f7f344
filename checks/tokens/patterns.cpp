#include "checks/tokens/catalog.hpp"

// How each provider's tokens are found: the patterns (a keyword for the prefilter, an RE2
// regex, a validator), the shapes only a key name tells apart, and the generic rule. The
// rules these report, and where a client rotates each key, are in catalog.cpp.
#include <array>

#include "checks/tokens/validators.hpp"

namespace handoff::tokens {

namespace {
using S = Severity;
using C = Confidence;

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
    Pattern{"anthropic-api-key", "OAuth token (Claude Code)", "sk-ant-oat|sk-ant-ort", R"(sk-ant-o(?:at|rt)0[0-9]-[A-Za-z0-9_-]{80,120})", 0, 140, S::high, C::high, &kAnthropic, "acts as the Claude subscriber through Claude Code"},
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
    Pattern{"gitlab-token", "deploy, runner, CI or feed token", "gldt-|glrt-|glcbt-|glptt-|glft-|glimt-|glagent-|gloas-|glffct-|glsoat-", R"(gl(?:dt|rt|cbt|ptt|ft|imt|agent|oas|ffct|soat)-[A-Za-z0-9_-]{20,300}(?:\.[0-9a-z]{9})?)", 0, 330, S::high, C::high, &kRandomBody, "project or runner access"},
    Pattern{"gitlab-token", "runner registration token", "GR1348941", R"(GR1348941[A-Za-z0-9_-]{20})", 0, 29, S::medium, C::high, &kRandomBody, "registers runners that receive the project's jobs and secrets"},
    // Slack.
    Pattern{"slack-token", "bot token", "xoxb-", R"(xoxb-[0-9]{10,13}-(?:[0-9]{10,13}-)?[A-Za-z0-9]{24})", 0, 60, S::high, C::high, nullptr, "reads and posts as the bot"},
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
    // Amazon Bedrock API keys: base64 of "BedrockAPIKey-<id>-at-<account>:<secret>" after ABSK, or a
    // presigned bedrock.amazonaws.com URL (valid up to 12 hours) after bedrock-api-key-.
    Pattern{"aws-bedrock-api-key", "long-term API key", "ABSKQmVkcm9ja0FQSUtleS", R"(ABSKQmVkcm9ja0FQSUtleS[A-Za-z0-9+/]{60,}={0,2})", 0, 400, S::high, C::high, nullptr, "calls Bedrock as its IAM user"},
    Pattern{"aws-bedrock-api-key", "short-term API key", "bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t", R"(bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]{100,}={0,2})", 0, 4000, S::medium, C::high, nullptr, "calls Bedrock until it expires (12 hours at most)"},
    // Microsoft annotated keys: JQQJ99 at offset 52, service tag at offset 76.
    Pattern{"azure-openai-key", "AI services key", "JQQJ99", R"([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}ACOG[A-Za-z0-9]{4})", 52, 84, S::high, C::high, nullptr, "calls the Azure AI resource"},
    Pattern{"azure-devops-pat", "personal access token", "JQQJ99", R"([A-Za-z0-9]{52}JQQJ99[A-Za-z0-9]{18}AZDO[A-Za-z0-9]{4})", 52, 84, S::high, C::high, nullptr, "acts as the user in Azure DevOps"},
    Pattern{"azure-ad-client-secret", "client secret", "Q~", R"([A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})", 4, 40, S::high, C::medium, &kRandomBody, "authenticates as the app registration"},
    // Chat and automation webhooks: the URL is the credential.
    Pattern{"teams-webhook-url", "incoming webhook", "webhook.office.com/webhookb2/", R"(https://[A-Za-z0-9-]{1,60}\.webhook\.office\.com/webhookb2/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36}(?:/[A-Za-z0-9_-]{20,80})?)", 70, 260, S::medium, C::high, &kWebhookTail, "posts into the channel"},
    Pattern{"teams-webhook-url", "legacy incoming webhook", "outlook.office.com/webhook/|outlook.office365.com/webhook/", R"(https://outlook\.office(?:365)?\.com/webhook/[0-9a-f-]{36}@[0-9a-f-]{36}/IncomingWebhook/[0-9a-f]{32}/[0-9a-f-]{36})", 8, 200, S::medium, C::high, &kWebhookTail, "posts into the channel"},
    Pattern{"teams-webhook-url", "Workflows (Power Automate) trigger URL", "logic.azure.com|api.powerplatform.com", R"(https://[A-Za-z0-9.-]{1,100}\.(?:logic\.azure\.com|api\.powerplatform\.com)(?::443)?/[^\s"'<>?]{0,200}?workflows/[0-9a-f]{32}/triggers/[^\s"'<>]{1,400}?[?&]sig=[A-Za-z0-9_%-]{40,100})", 110, 700, S::medium, C::high, &kWebhookTail, "starts the flow, which posts into the channel"},
    Pattern{"googlechat-webhook-url", "incoming webhook", "chat.googleapis.com/v1/spaces/", R"(https://chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]{6,20}/messages\?key=[A-Za-z0-9_-]{39}&token=[A-Za-z0-9_%=-]{40,100})", 8, 300, S::medium, C::high, &kWebhookTail, "posts into the space"},
    Pattern{"mattermost-webhook-url", "incoming webhook", "/hooks/", R"(https?://[A-Za-z0-9.-]{1,100}(?::[0-9]{2,5})?/hooks/[a-z0-9]{26})", 120, 40, S::medium, C::high, &kWebhookTail, "posts into the channel"},
    Pattern{"zapier-webhook-url", "catch hook", "hooks.zapier.com/hooks/catch/", R"(https://hooks\.zapier\.com/hooks/catch/[0-9]{3,12}/[A-Za-z0-9]{4,12}/?)", 8, 80, S::medium, C::high, &kWebhookTail, "starts the Zap"},
    Pattern{"make-webhook-url", "custom webhook", "make.com/|integromat.com/", R"(https://hook\.(?:[a-z]{2}[0-9]\.)?(?:make|integromat)\.com/[a-z0-9]{32})", 25, 50, S::medium, C::high, &kWebhookTail, "starts the scenario"},
    // Messaging and productivity.
    Pattern{"sendgrid-api-key", "API key", "SG.", R"(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})", 0, 69, S::high, C::high, nullptr, "sends mail as the account"},
    Pattern{"mailgun-api-key", "private API key", "key-", R"(key-[0-9a-f]{32})", 0, 36, S::high, C::medium, &kRandomBody, "sends mail as the domain"},
    Pattern{"notion-token", "integration token", "ntn_", R"(ntn_[0-9]{11}[A-Za-z0-9]{35})", 0, 50, S::high, C::high, &kRandomBody, "the pages shared with the integration"},
    Pattern{"notion-token", "legacy integration token", "secret_", R"(secret_[A-Za-z0-9]{43})", 0, 50, S::high, C::medium, &kRandomBody, "the pages shared with the integration"},
    Pattern{"airtable-token", "personal access token", "pat", R"(pat[A-Za-z0-9]{14}\.[0-9a-f]{64})", 0, 82, S::high, C::high, &kAirtable, "the bases it was scoped to"},
    Pattern{"linear-api-key", "API key", "lin_api_", R"(lin_api_[A-Za-z0-9]{40})", 0, 48, S::medium, C::high, &kRandomBody, "the workspace's issues"},
    Pattern{"figma-token", "personal access token", "figd_", R"(figd_[A-Za-z0-9_-]{40,})", 0, 100, S::medium, C::high, &kRandomBody, "the user's files"},
    Pattern{"postman-api-key", "API key", "PMAK-", R"(PMAK-[0-9a-f]{24}-[0-9a-f]{34})", 0, 64, S::high, C::high, nullptr, "the user's collections and environments"},
    // Work tracking, forms and CRM: Atlassian tokens end in a checksum; ClickUp embeds the user id.
    Pattern{"atlassian-token", "API token", "ATATT3", R"(ATATT3[A-Za-z0-9_=-]{180,200})", 0, 210, S::high, C::high, &kRandomBody, "acts as the user in Jira, Confluence and Bitbucket"},
    Pattern{"atlassian-token", "organisation API key", "ATCTT3", R"(ATCTT3[A-Za-z0-9_=-]{180,200})", 0, 210, S::critical, C::high, &kRandomBody, "administers the Atlassian organisation"},
    Pattern{"atlassian-token", "Bitbucket app password", "ATBB", R"(ATBB[A-Za-z0-9]{32})", 0, 36, S::high, C::high, &kMixedBody, "reads and pushes the user's Bitbucket repositories"},
    Pattern{"atlassian-token", "Trello token", "ATTA", R"(ATTA[A-Za-z0-9]{60,72})", 0, 76, S::high, C::high, &kHexMixedBody, "reads and writes the user's Trello boards"},
    Pattern{"clickup-token", "personal API token", "pk_", R"(pk_[0-9]{4,12}_[A-Z0-9]{32})", 0, 50, S::medium, C::high, &kRandomBody, "the user's workspaces"},
    Pattern{"typeform-token", "personal access token", "tfp_", R"(tfp_[A-Za-z0-9_=.-]{55,64})", 0, 68, S::medium, C::high, &kRandomBody, "the account's forms and responses"},
    Pattern{"hubspot-token", "private app token", "pat-", R"(pat-(?:na|eu|ap)[0-9]-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", 0, 45, S::high, C::high, &kRandomBody, "the account's CRM data"},
    // Mail and marketing: Mailchimp keys end in their data centre (-us21).
    Pattern{"mailchimp-api-key", "API key", "-us", R"([0-9a-f]{32}-us[0-9]{1,2})", 32, 6, S::high, C::high, &kMailchimp, "sends campaigns and reads audiences"},
    Pattern{"brevo-api-key", "API key", "xkeysib-", R"(xkeysib-[0-9a-f]{64}-[A-Za-z0-9]{16})", 0, 90, S::high, C::high, &kRandomBody, "sends mail and SMS as the account"},
    Pattern{"brevo-api-key", "SMTP key", "xsmtpsib-", R"(xsmtpsib-[0-9a-f]{64}-[A-Za-z0-9]{16})", 0, 90, S::high, C::high, &kRandomBody, "sends mail as the account"},
    Pattern{"resend-api-key", "API key", "re_", R"(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{20,32})", 0, 44, S::high, C::high, &kMixedBody, "sends mail from the account's domains"},
    // Payments and social APIs: Square production tokens are EAAA + 60; Meta tokens are EAA + 100 or more.
    Pattern{"square-token", "access token", "EAAA", R"(EAAA[A-Za-z0-9_-]{60})", 0, 64, S::critical, C::high, &kRandomBody, "takes payments and refunds as the seller"},
    Pattern{"square-token", "legacy access token", "sq0atp-", R"(sq0atp-[A-Za-z0-9_-]{22})", 0, 29, S::critical, C::high, &kRandomBody, "takes payments and refunds as the seller"},
    Pattern{"square-token", "application secret", "sq0csp-", R"(sq0csp-[A-Za-z0-9_-]{43})", 0, 50, S::high, C::high, &kRandomBody, "mints OAuth tokens for the application"},
    Pattern{"meta-access-token", "access token", "EAA", R"(EAA[A-Za-z0-9]{100,400})", 0, 404, S::high, C::medium, &kMetaToken, "acts as the page, app or WhatsApp business account"},
    Pattern{"twitter-bearer-token", "app bearer token", "AAAAAAAAAAAAAAAAAAAAAA", R"(A{22}[A-Za-z0-9%]{60,160})", 0, 190, S::medium, C::high, &kTwitterBearer, "reads X data as the app"},
    // Files, maps, feature flags and product analytics.
    Pattern{"dropbox-token", "short-lived access token", "sl.", R"(sl\.(?:u\.)?[A-Za-z0-9_-]{130,})", 0, 1410, S::medium, C::high, &kRandomBody, "the user's files until it expires"},
    Pattern{"mapbox-secret-token", "secret access token", "sk.eyJ", R"(sk\.eyJ[A-Za-z0-9_-]{20,300}\.[A-Za-z0-9_-]{20,60})", 0, 370, S::high, C::high, &kRandomBody, "manages the account's styles, tilesets and tokens"},
    Pattern{"launchdarkly-key", "API access token or server SDK key", "api-|sdk-", R"((?:api|sdk)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", 0, 40, S::high, C::medium, &kRandomBody, "changes or reads the environment's feature flags"},
    Pattern{"posthog-personal-api-key", "personal API key", "phx_", R"(phx_[A-Za-z0-9]{30,60})", 0, 64, S::high, C::high, &kMixedBody, "reads and changes the user's projects"},
    // Observability: Sentry organization tokens carry base64 claims; New Relic license keys end in NRAL.
    Pattern{"sentry-token", "organization auth token", "sntrys_eyJ", R"(sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43})", 0, 700, S::high, C::high, nullptr, "uploads releases and reads the organisation's issues"},
    Pattern{"sentry-token", "user auth token", "sntryu_", R"(sntryu_[0-9a-f]{64})", 0, 71, S::high, C::high, &kRandomBody, "acts as the user in Sentry"},
    Pattern{"newrelic-key", "user API key", "NRAK-", R"(NRAK-[A-Z0-9]{27})", 0, 32, S::high, C::high, &kRandomBody, "queries and changes the account"},
    Pattern{"newrelic-key", "insert or query key", "NRII-|NRIQ-", R"(NRI[IQ]-[A-Za-z0-9_-]{32})", 0, 37, S::medium, C::high, &kRandomBody, "sends or reads the account's event data"},
    Pattern{"newrelic-key", "license (ingest) key", "NRAL", R"([0-9a-f]{36}NRAL)", 36, 4, S::high, C::high, &kNewRelicLicense, "sends data into the account"},
    // Package registries.
    Pattern{"npm-token", "access token", "npm_", R"(npm_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kChecksum, "publishes packages as the user"},
    Pattern{"pypi-token", "API token", "pypi-AgEIcHlwaS5vcmc", R"(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})", 0, 420, S::high, C::high, nullptr, "uploads releases of the user's projects"},
    Pattern{"pypi-token", "TestPyPI API token", "pypi-AgENdGVzdC5weXBpLm9yZw", R"(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,})", 0, 430, S::medium, C::high, nullptr, "uploads to TestPyPI"},
    Pattern{"sonarqube-token", "token", "squ_|sqa_|sqp_", R"(sq[uap]_[0-9a-f]{40})", 0, 44, S::medium, C::high, nullptr, "reads analysed code and runs analyses"},
    Pattern{"rubygems-api-key", "API key", "rubygems_", R"(rubygems_[0-9a-f]{48})", 0, 57, S::high, C::high, &kRandomBody, "pushes gems as the owner"},
    Pattern{"nuget-api-key", "API key", "oy2", R"(oy2[a-z0-9]{43})", 0, 46, S::high, C::high, &kRandomBody, "pushes packages as the owner"},
    Pattern{"artifactory-token", "API key", "AKCp", R"(AKCp[A-Za-z0-9]{69})", 0, 73, S::high, C::high, &kRandomBody, "reads and publishes artifacts"},
    Pattern{"artifactory-token", "reference token", "cmVmdGtuOjAxOj", R"(cmVmdGtuOjAxOj[A-Za-z0-9]{50})", 0, 64, S::high, C::high, &kRandomBody, "reads and publishes artifacts"},
    Pattern{"docker-hub-token", "personal access token", "dckr_pat_", R"(dckr_pat_[A-Za-z0-9_-]{27})", 0, 36, S::high, C::high, &kRandomBody, "pulls and pushes the user's images"},
    Pattern{"docker-hub-token", "organisation access token", "dckr_oat_", R"(dckr_oat_[A-Za-z0-9_-]{32})", 0, 41, S::high, C::high, &kRandomBody, "pulls and pushes the organisation's images"},
    // CI, deployment, cloud and secrets-manager platforms.
    Pattern{"circleci-token", "personal or project API token", "CCIPAT_|CCIPRJ_", R"(CCIP(?:AT|RJ)_[A-Za-z0-9]{20,24}_[0-9a-f]{40})", 0, 72, S::high, C::high, &kRandomBody, "the user's or project's pipelines and their environment variables"},
    Pattern{"buildkite-token", "API access token", "bkua_", R"(bkua_[0-9a-f]{40})", 0, 45, S::high, C::high, &kRandomBody, "the organisation's pipelines and builds"},
    Pattern{"heroku-api-key", "API key", "HRKU-", R"(HRKU-AA[A-Za-z0-9_-]{58})", 0, 65, S::critical, C::high, &kRandomBody, "every app of the user and its config vars"},
    Pattern{"flyio-token", "access token", "fo1_", R"(fo1_[A-Za-z0-9_-]{43})", 0, 47, S::critical, C::high, &kRandomBody, "the organisation's apps and their secrets"},
    Pattern{"flyio-token", "macaroon token", "fm1a_|fm1r_|fm2_", R"(fm(?:1[ar]|2)_[A-Za-z0-9+/]{100,}={0,3})", 0, 4010, S::critical, C::high, &kRandomBody, "the apps the token was scoped to"},
    Pattern{"vercel-token", "access token or API key", "vcp_|vci_|vca_|vcr_|vck_", R"(vc[pirak]_[A-Za-z0-9]{24,80})", 0, 84, S::high, C::high, &kMixedBody, "deploys and reads the projects' environment variables"},
    Pattern{"netlify-token", "personal access token", "nfp_", R"(nfp_[A-Za-z0-9]{30,50})", 0, 54, S::high, C::high, &kRandomBody, "deploys and configures the user's sites"},
    Pattern{"render-api-key", "API key", "rnd_", R"(rnd_[A-Za-z0-9]{24,40})", 0, 44, S::high, C::high, &kMixedBody, "deploys and configures the user's services"},
    Pattern{"pulumi-token", "access token", "pul-", R"(pul-[0-9a-f]{40})", 0, 44, S::high, C::high, &kRandomBody, "the organisation's stacks and their secrets"},
    Pattern{"terraform-cloud-token", "API token", "atlasv1", R"([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})", 15, 80, S::critical, C::high, &kRandomBody, "plans and applies in the organisation's workspaces"},
    Pattern{"prefect-api-key", "API key", "pnu_|pnb_", R"(pn[ub]_[A-Za-z0-9]{36})", 0, 40, S::high, C::high, &kRandomBody, "runs the workspace's flows"},
    Pattern{"neon-api-key", "API key", "napi_", R"(napi_[a-z0-9]{64})", 0, 69, S::critical, C::high, &kRandomBody, "manages the account's databases"},
    Pattern{"planetscale-token", "service or OAuth token", "pscale_tkn_|pscale_oauth_", R"(pscale_(?:tkn|oauth)_[A-Za-z0-9_=.-]{32,64})", 0, 78, S::critical, C::high, &kRandomBody, "manages the organisation's databases"},
    Pattern{"planetscale-token", "database password", "pscale_pw_", R"(pscale_pw_[A-Za-z0-9_=.-]{32,64})", 0, 74, S::high, C::high, &kRandomBody, "connects to the branch's database"},
    Pattern{"tailscale-key", "API access token", "tskey-api-", R"(tskey-api-[A-Za-z0-9]{8,24}-[A-Za-z0-9]{20,50})", 0, 90, S::critical, C::high, &kRandomBody, "manages the tailnet"},
    Pattern{"tailscale-key", "auth key or OAuth client secret", "tskey-", R"(tskey-(?:(?:auth|client|scim|webhook)-)?[A-Za-z0-9]{8,24}-[A-Za-z0-9]{20,50})", 0, 90, S::high, C::high, &kRandomBody, "joins devices to the tailnet"},
    Pattern{"cloudflare-token", "origin CA key", "v1.0-", R"(v1\.0-[0-9a-f]{24}-[0-9a-f]{146})", 0, 176, S::high, C::high, &kRandomBody, "issues origin certificates for the account's zones"},
    Pattern{"infisical-token", "service token", "st.", R"(st\.[A-Za-z0-9-]{20,40}\.[0-9a-f]{24,64}\.[0-9a-f]{24,64})", 0, 180, S::critical, C::high, &kRandomBody, "reads the project's secrets"},
    Pattern{"onepassword-service-token", "service account token", "ops_eyJ", R"(ops_eyJ[A-Za-z0-9+/]{250,}={0,3})", 0, 8010, S::critical, C::high, nullptr, "reads the vaults the service account was granted"},
    Pattern{"alibaba-access-key", "AccessKey id", "LTAI", R"(LTAI[A-Za-z0-9]{12,20})", 0, 24, S::high, C::high, &kMixedBody, "half of the AccessKey pair; the secret is usually near"},
    // More CI, deployment and developer tools.
    Pattern{"dynatrace-token", "API token", "dt0c01.", R"(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})", 0, 96, S::high, C::high, &kRandomBody, "the environment within the token's scopes"},
    Pattern{"harness-token", "personal or service account token", "pat.|sat.", R"([ps]at\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})", 0, 75, S::high, C::high, &kRandomBody, "runs the account's pipelines"},
    Pattern{"infracost-api-key", "API key", "ico-", R"(ico-[A-Za-z0-9]{32})", 0, 36, S::medium, C::high, &kMixedBody, "the organisation's cost estimates"},
    Pattern{"maxmind-license-key", "license key", "_mmk", R"([A-Za-z0-9]{6}_[A-Za-z0-9]{29}_mmk)", 36, 4, S::medium, C::high, &kRandomBody, "downloads the account's GeoIP databases"},
    Pattern{"octopus-deploy-api-key", "API key", "API-", R"(API-[A-Z0-9]{26})", 0, 30, S::high, C::high, &kHexMixedBody, "deploys releases as the user"},
    Pattern{"openshift-token", "user token", "sha256~", R"(sha256~[A-Za-z0-9_-]{43})", 0, 50, S::high, C::high, &kRandomBody, "acts as the user on the cluster"},
    Pattern{"sourcegraph-token", "access token", "sgp_", R"(sgp_(?:(?:[0-9a-f]{16}|local)_)?[0-9a-f]{40})", 0, 62, S::high, C::high, &kRandomBody, "reads the instance's code as the user"},
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
    Pattern{"elevenlabs-api-key", "API key", "sk_", R"(sk_[0-9a-f]{48})", 0, 51, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"cerebras-api-key", "API key", "csk-", R"(csk-[a-z0-9]{40,64})", 0, 68, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"together-api-key", "API key", "tgp_v1_", R"(tgp_v1_[A-Za-z0-9_-]{43})", 0, 50, S::high, C::high, &kRandomBody, "spends the account's credits"},
    Pattern{"wandb-api-key", "API key", "wandb_v1_", R"(wandb_v1_[A-Za-z0-9]{20,40}_[A-Za-z0-9]{40,70})", 0, 120, S::high, C::high, &kRandomBody, "reads and writes the user's runs and artifacts"},
    Pattern{"fireworks-api-key", "API key", "fw_", R"(fw_[A-Za-z0-9]{20,48})", 0, 51, S::high, C::medium, &kMixedBody, "spends the account's credits"},
    Pattern{"tavily-api-key", "API key", "tvly-", R"(tvly-(?:dev-|prod-)?[A-Za-z0-9]{28,40})", 0, 50, S::medium, C::high, &kMixedBody, "spends the account's search credits"},
    Pattern{"firecrawl-api-key", "API key", "fc-", R"(fc-[0-9a-f]{32})", 0, 35, S::medium, C::medium, &kRandomBody, "spends the account's credits"},
    // Agent tooling: sandboxes, scraping, tracing.
    Pattern{"apify-token", "API token", "apify_api_", R"(apify_api_[A-Za-z0-9]{30,40})", 0, 50, S::high, C::high, &kMixedBody, "runs the account's actors"},
    Pattern{"e2b-api-key", "API key", "e2b_", R"(e2b_[0-9a-f]{36,64})", 0, 68, S::high, C::high, &kRandomBody, "starts sandboxes on the account's bill"},
    Pattern{"langfuse-secret-key", "secret key", "sk-lf-", R"(sk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", 0, 42, S::high, C::high, &kRandomBody, "reads every trace of the project"},
    Pattern{"nvidia-api-key", "API key", "nvapi-", R"(nvapi-[A-Za-z0-9_-]{60,70})", 0, 76, S::high, C::high, &kRandomBody, "calls the account's models"},
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
    Pattern{"grafana-token", "Cloud access policy token", "glc_", R"(glc_[A-Za-z0-9+/]{32,400}={0,3})", 0, 410, S::high, C::high, &kRandomBody, "acts within the access policy's scopes"},
    Pattern{"grafana-token", "legacy API key", "eyJrIjoi", R"(eyJrIjoi[A-Za-z0-9+/]{70,400}={0,3})", 0, 410, S::high, C::high, &kRandomBody, "acts with the key's role in the organisation"},
    Pattern{"doppler-token", "token", "dp.st.|dp.sa.|dp.ct.|dp.pt.", R"(dp\.(?:st|sa|ct|pt)\.[A-Za-z0-9_.-]{40,64})", 0, 75, S::high, C::high, &kRandomBody, "reads the project's secrets"},
    Pattern{"age-secret-key", "secret key", "AGE-SECRET-KEY-1", R"(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", 0, 74, S::critical, C::high, nullptr, "decrypts every file encrypted to it"},
    Pattern{"private-key", "private key", "PRIVATE KEY-----", R"(-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED|SSH2 ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----)", 40, 64, S::critical, C::high, &kPrivateKey, "signs, decrypts or logs in as its owner", true},
    Pattern{"private-key", "PuTTY private key", "PuTTY-User-Key-File-", R"(PuTTY-User-Key-File-[23]: [a-z0-9-]+)", 0, 60, S::critical, C::high, &kPrivateKey, "logs in as its owner", true},
    // Structured credentials.
    Pattern{"azure-storage-key", "storage account key", "AccountKey=", R"(AccountKey=([A-Za-z0-9+/]{86}==))", 0, 100, S::critical, C::high, &kAzureAccountKey, "reads, writes and deletes everything in the storage account"},
    Pattern{"azure-storage-key", "SAS token signature", "sig=", R"(sv=20[0-9]{2}-[0-9]{2}-[0-9]{2}&[^\s"'<>]{0,300}?[?&]sig=([A-Za-z0-9%+/]{40,120}))", 330, 130, S::high, C::high, &kRandomBody, "what the SAS permissions allow until it expires"},
    Pattern{"url-credentials", "user:password in a URL", "://", R"([A-Za-z][A-Za-z0-9+.-]{1,20}://[^\s:@/?#'"<>\\]{0,64}:([^\s@/'"<>\\]{1,})@[A-Za-z0-9_.-]{1,})", 24, 560, S::high, C::high, &kUrlCredentials, "logs in to the service"},
    Pattern{"docker-config-auth", "registry auth", "\"auth\"", R"re("auth"\s*:\s*"([A-Za-z0-9+/]{8,}={0,2})")re", 0, 600, S::high, C::high, &kDockerAuth, "pulls and pushes images"},
    Pattern{"maven-password", "server password", "<password>", R"(<password>([^<]{1,})</password>)", 0, 280, S::high, C::high, &kPlainPassword, "publishes to the repository"},
    Pattern{"nuget-password", "feed password", "ClearTextPassword", R"re((?i:key="ClearTextPassword")\s+value="([^"]{1,})")re", 5, 300, S::high, C::high, &kPlainPassword, "reads or pushes packages on the feed"},
};

constexpr std::string_view kUuid = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

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
    ContextShape{"heroku", "heroku-api-key", "legacy API key", kUuid, S::critical, false},
    ContextShape{"railway", "railway-token", "token", kUuid, S::high, false},
    ContextShape{"postmark", "postmark-token", "server or account token", kUuid, S::high, false},
    ContextShape{"hubspot", "hubspot-token", "legacy API key", kUuid, S::high, false},
    ContextShape{"vercel", "vercel-token", "legacy access token", "[A-Za-z0-9]{24}"},
    ContextShape{"netlify", "netlify-token", "legacy access token", "[A-Za-z0-9_-]{40,46}"},
    ContextShape{"ngrok", "ngrok-token", "authtoken or API key", "[1-9][A-Za-z0-9]{25,27}_[A-Za-z0-9]{20,24}"},
    ContextShape{"cloudflare", "cloudflare-token", "API token", "[A-Za-z0-9_-]{40}", S::critical},
    ContextShape{"cloudflare", "cloudflare-token", "global API key", "[0-9a-f]{37}", S::critical},
    ContextShape{"sentry", "sentry-token", "legacy auth token", "[0-9a-f]{64}"},
    ContextShape{"datadog", "datadog-api-key", "API key", "[0-9a-f]{32}"},
    ContextShape{"datadog", "datadog-api-key", "application key", "[0-9a-f]{40}"},
    ContextShape{"circleci", "circleci-token", "legacy API token", "[0-9a-f]{40}"},
    ContextShape{"alibaba", "alibaba-access-key", "AccessKey secret", "[A-Za-z0-9]{30}", S::critical},
    ContextShape{"asana", "asana-token", "personal access token", "[012]/[0-9]{4,20}(?:/[0-9]{4,20})?:[0-9a-f]{32}|0/[0-9a-f]{32}", S::high, false},
    // base64 of tok:<uuid>:...: judged once decoded, like any base64 value under a key name.
    ContextShape{"intercom", "intercom-token", "access token", "tok:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?::[0-9A-Za-z_-]{1,20}){0,4}", S::high, false},
    ContextShape{"zendesk", "zendesk-token", "API token", "[A-Za-z0-9]{40}"},
    ContextShape{"okta", "okta-token", "API token", "00[A-Za-z0-9_-]{40}", S::critical},
    ContextShape{"elevenlabs", "elevenlabs-api-key", "legacy API key", "[0-9a-f]{32}"},
    ContextShape{"assemblyai", "assemblyai-api-key", "API key", "[0-9a-f]{32}"},
    ContextShape{"deepgram", "deepgram-api-key", "API key", "[0-9a-f]{40}"},
    ContextShape{"together", "together-api-key", "legacy API key", "[0-9a-f]{64}"},
    ContextShape{"wandb", "wandb-api-key", "API key", "(?:local-)?[0-9a-f]{40}"},
    ContextShape{"trello", "atlassian-token", "legacy Trello token", "[0-9a-f]{64}"},
    ContextShape{"codecov", "codecov-token", "upload token", kUuid, S::medium, false},
    ContextShape{"serpapi", "serpapi-api-key", "API key", "[0-9a-f]{64}", S::medium},
    ContextShape{"snyk", "snyk-token", "API token", kUuid, S::high, false},
    ContextShape{"infisical", "infisical-token", "machine identity client secret", "[0-9a-f]{64}", S::critical},
};

constexpr GenericRule kGeneric{"generic-secret", "whatever the key name says it unlocks"};

constexpr std::array<std::string_view, 12> kPublicPrefixes = {
    "pk_live_", "pk_test_", "sb_publishable_", "phc_", "pubkey-", "sha256:", "sha512-", "sha384-", "sha1-",
    "ssh-rsa ", "ssh-ed25519", "data:",
};
} // namespace

std::span<const Pattern> patterns() { return kPatterns; }
std::span<const ContextShape> context_shapes() { return kContextShapes; }
const GenericRule& generic_rule() { return kGeneric; }
std::span<const std::string_view> public_prefixes() { return kPublicPrefixes; }

} // namespace handoff::tokens
