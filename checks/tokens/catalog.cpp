#include "checks/tokens/catalog.hpp"

#include <algorithm>
#include <array>

#include "checks/tokens/samples.hpp"

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
    rule("alibaba-access-key", "Alibaba Cloud AccessKey", S::high, "An Alibaba Cloud AccessKey id and secret act as the RAM user or account that owns them."),
    rule("anthropic-api-key", "Anthropic API key", S::high, "Spends the organisation's Claude credits; admin keys manage the whole organisation."),
    rule("artifactory-token", "JFrog Artifactory token", S::high, "Reads and publishes artifacts in the JFrog platform: a supply-chain risk."),
    rule("asana-token", "Asana personal access token", S::high, "Reads and writes the user's Asana workspaces: tasks, projects and comments.", C::medium),
    rule("assemblyai-api-key", "AssemblyAI API key", S::high, "Spends the account's AssemblyAI credits and reads its transcripts.", C::medium),
    rule("atlassian-token", "Atlassian API token (Jira, Confluence, Bitbucket, Trello)", S::high, "Acts as the user in Jira, Confluence, Bitbucket or Trello; organisation API keys administer the whole organisation."),
    rule("aws-access-key", "AWS access key id", S::high, "Half of an AWS credential pair; where it sits, the secret key is usually near."),
    rule("aws-secret-key", "AWS secret access key", S::critical, "With its key id, acts as the IAM user or role in the AWS account."),
    rule("aws-session-token", "AWS session token", S::medium, "Temporary AWS credentials, valid until they expire."),
    rule("azure-ad-client-secret", "Azure AD client secret", S::high, "Authenticates as the application registration in the tenant."),
    rule("azure-devops-pat", "Azure DevOps personal access token", S::high, "Acts as the user in Azure DevOps within the token's scopes."),
    rule("azure-openai-key", "Azure OpenAI / AI services key", S::high, "Calls the Azure AI resource and spends its quota.", C::medium),
    rule("azure-storage-key", "Azure Storage account key or SAS signature", S::critical, "An account key reads, writes and deletes everything in the storage account; a SAS URL does what its permissions allow until it expires."),
    rule("brevo-api-key", "Brevo (Sendinblue) API key", S::high, "Sends mail and SMS as the account and reads its contacts."),
    rule("buildkite-token", "Buildkite API access token", S::high, "Reads and changes the organisation's pipelines and builds as the user."),
    rule("cerebras-api-key", "Cerebras API key", S::high, "Spends the account's Cerebras credits."),
    rule("circleci-token", "CircleCI API token", S::high, "Reads and changes the user's or project's pipelines, including their environment variables."),
    rule("clickup-token", "ClickUp personal API token", S::medium, "Reads and writes the user's ClickUp workspaces."),
    rule("cloudflare-token", "Cloudflare API token or key", S::critical, "Changes the account's DNS, Workers and zones; origin CA keys issue certificates for its zones."),
    rule("cohere-api-key", "Cohere API key", S::high, "Spends the account's Cohere credits.", C::medium),
    rule("databricks-token", "Databricks personal access token", S::high, "Acts as the user in the Databricks workspace."),
    rule("datadog-api-key", "Datadog API or application key", S::high, "Sends data to the Datadog organisation; application keys also read and change its dashboards and monitors.", C::medium),
    rule("deepgram-api-key", "Deepgram API key", S::high, "Spends the project's Deepgram credits.", C::medium),
    rule("deepseek-api-key", "DeepSeek API key", S::high, "Spends the account's DeepSeek credits.", C::medium),
    rule("digitalocean-token", "DigitalOcean token", S::critical, "Manages the DigitalOcean account's droplets, databases and DNS."),
    rule("discord-bot-token", "Discord bot token", S::high, "Logs in as the bot in every server it was added to.", C::medium),
    rule("discord-webhook-url", "Discord webhook URL", S::medium, "Anyone holding the URL can post into the channel."),
    rule("docker-config-auth", "Docker registry credentials", S::high, "base64 of user:password for a container registry: pull and push images."),
    rule("docker-hub-token", "Docker Hub access token", S::high, "Pulls and pushes the user's or organisation's images: a supply-chain risk."),
    rule("doppler-token", "Doppler token", S::high, "Reads the secrets of the Doppler project or workplace."),
    rule("dropbox-token", "Dropbox access token", S::medium, "Reads and writes the user's Dropbox files until it expires."),
    rule("elevenlabs-api-key", "ElevenLabs API key", S::high, "Spends the account's ElevenLabs credits and uses its cloned voices."),
    rule("figma-token", "Figma personal access token", S::medium, "Reads the user's Figma files."),
    rule("firecrawl-api-key", "Firecrawl API key", S::medium, "Spends the account's Firecrawl credits."),
    rule("fireworks-api-key", "Fireworks AI API key", S::high, "Spends the account's Fireworks AI credits.", C::medium),
    rule("flyio-token", "Fly.io access token", S::critical, "Deploys, reads secrets of and destroys the organisation's Fly.io apps."),
    fallback(rule("generic-secret", "Secret value under a secret-like name", S::high, "A random-looking value stored under a name such as password, token, secret or api_key.", C::medium)),
    rule("github-token", "GitHub token", S::high, "Acts as the user or app on GitHub within the token's scopes."),
    rule("gitlab-token", "GitLab token", S::high, "Acts as the user, project or runner on the GitLab instance."),
    rule("google-api-key", "Google API key", S::high, "Calls the Google APIs enabled for the project (Gemini, Maps, Firebase) and spends its quota."),
    rule("google-chat-webhook-url", "Google Chat webhook URL", S::medium, "Anyone holding the URL can post into the space."),
    rule("google-oauth-client-secret", "Google OAuth client secret", S::high, "Lets anyone impersonate the OAuth application."),
    rule("grafana-token", "Grafana token", S::high, "Acts as the Grafana service account or Cloud access policy."),
    rule("groq-api-key", "Groq API key", S::high, "Spends the account's Groq credits."),
    rule("hashicorp-vault-token", "HashiCorp Vault token", S::critical, "Reads the secrets its policies allow, often all of them."),
    rule("heroku-api-key", "Heroku API key", S::critical, "Acts as the user on Heroku: every app, its config vars and its add-ons."),
    rule("hubspot-token", "HubSpot private app token or API key", S::high, "Reads and writes the HubSpot account's CRM data: contacts, deals and emails."),
    rule("huggingface-token", "Hugging Face token", S::high, "Reads (and with write scope, pushes) the user's or organisation's models and datasets."),
    rule("infisical-token", "Infisical service token or client secret", S::critical, "Reads (and with write access changes) the secrets of the Infisical project or machine identity."),
    rule("intercom-token", "Intercom access token", S::high, "Reads and writes the workspace's conversations and contacts.", C::medium),
    rule("jwt-token", "JSON Web Token", S::medium, "A bearer token: whoever holds it is the subject until it expires.", C::medium),
    rule("langsmith-api-key", "LangSmith API key", S::high, "Reads the traces of every run, prompts and outputs included."),
    rule("launchdarkly-key", "LaunchDarkly API access token or SDK key", S::high, "Access tokens change feature flags; server SDK keys read every flag of the environment.", C::medium),
    rule("linear-api-key", "Linear API key", S::medium, "Reads and writes the workspace's issues."),
    rule("mailchimp-api-key", "Mailchimp API key", S::high, "Sends campaigns as the account and reads its audiences."),
    rule("mailgun-api-key", "Mailgun API key", S::high, "Sends mail as the domain and reads its logs."),
    rule("make-webhook-url", "Make webhook URL", S::medium, "Anyone holding the URL can start the scenario with the data they choose."),
    rule("mapbox-secret-token", "Mapbox secret access token", S::high, "Manages the account's styles, tilesets and tokens; spends its quota."),
    rule("mattermost-webhook-url", "Mattermost incoming webhook URL", S::medium, "Anyone holding the URL can post into the channel."),
    rule("maven-password", "Plaintext password in Maven settings", S::high, "A repository password written in settings.xml instead of an encrypted or ${env.X} value."),
    rule("meta-access-token", "Meta (Facebook, Instagram, WhatsApp) access token", S::high, "Acts as the page, app or WhatsApp business account: reads messages and posts as it.", C::medium),
    rule("mistral-api-key", "Mistral API key", S::high, "Spends the account's Mistral credits.", C::medium),
    rule("n8n-api-key", "n8n API key", S::critical, "Controls the n8n instance: reads, edits and runs every workflow and its credentials."),
    rule("neon-api-key", "Neon API key", S::critical, "Manages the account's Neon projects: databases, branches and roles."),
    rule("netlify-token", "Netlify personal access token", S::high, "Deploys and configures every site the user can reach, environment variables included."),
    rule("new-relic-key", "New Relic key", S::high, "User keys query and change the New Relic account; license and insert keys send data into it."),
    rule("ngrok-token", "ngrok authtoken or API key", S::high, "Opens tunnels on the account's domains and reads its traffic settings.", C::medium),
    rule("notion-token", "Notion integration token", S::high, "Reads and writes the pages shared with the integration."),
    rule("npm-token", "npm access token", S::high, "Publishes packages as the user: a supply-chain risk."),
    rule("nuget-api-key", "NuGet API key", S::high, "Pushes packages to nuget.org as the owner: a supply-chain risk."),
    rule("nuget-password", "Plaintext password in NuGet.config", S::high, "A feed password stored as ClearTextPassword."),
    rule("okta-token", "Okta API token", S::critical, "Administers the Okta organisation with the rights of the admin who created it.", C::medium),
    rule("onepassword-service-token", "1Password service account token", S::critical, "Reads every item in the vaults the service account was granted."),
    rule("openai-api-key", "OpenAI API key", S::high, "Spends the organisation's OpenAI credits and reads its files and assistants; admin keys manage the organisation."),
    rule("openrouter-api-key", "OpenRouter API key", S::high, "Spends the account's OpenRouter credits across every model."),
    rule("perplexity-api-key", "Perplexity API key", S::high, "Spends the account's Perplexity credits."),
    rule("pinecone-api-key", "Pinecone API key", S::high, "Reads and writes every index in the Pinecone project."),
    rule("planetscale-token", "PlanetScale token or password", S::critical, "Service tokens manage the organisation's databases; passwords connect to a branch."),
    rule("posthog-personal-api-key", "PostHog personal API key", S::high, "Reads and changes the user's PostHog projects, recordings included."),
    rule("postman-api-key", "Postman API key", S::high, "Reads the user's collections and environments, secrets included."),
    rule("postmark-token", "Postmark server or account token", S::high, "Sends mail as the server's sender signatures.", C::medium),
    rule("prefect-api-key", "Prefect Cloud API key", S::high, "Runs and changes the workspace's flows and reads their blocks and secrets."),
    rule("private-key", "Private key", S::critical, "Whoever has the private key can sign, decrypt or log in as its owner."),
    rule("pulumi-token", "Pulumi access token", S::high, "Reads and updates the organisation's stacks, their state and secrets included."),
    rule("pypi-token", "PyPI API token", S::high, "Uploads releases of the user's packages: a supply-chain risk."),
    rule("railway-token", "Railway token", S::high, "Deploys and configures the account's or project's Railway services.", C::medium),
    rule("render-api-key", "Render API key", S::high, "Deploys and configures every Render service the user can reach, environment included."),
    rule("replicate-api-token", "Replicate API token", S::high, "Runs models on the account's bill."),
    rule("resend-api-key", "Resend API key", S::high, "Sends mail from the account's verified domains."),
    rule("rubygems-api-key", "RubyGems API key", S::high, "Pushes gems as the owner: a supply-chain risk."),
    rule("sendgrid-api-key", "SendGrid API key", S::high, "Sends mail as the account: phishing from a trusted domain."),
    rule("sentry-token", "Sentry auth token", S::high, "Reads the organisation's issues and events (with their data) and uploads releases."),
    rule("shopify-token", "Shopify access token", S::high, "Acts as the app in the shop: orders, customers, products."),
    rule("slack-token", "Slack token", S::high, "Reads and posts in the workspace as the bot, user or app."),
    rule("slack-webhook-url", "Slack incoming webhook URL", S::medium, "Anyone holding the URL can post into the channel."),
    rule("sonarqube-token", "SonarQube token", S::medium, "Reads the analysed code and runs analyses as the user."),
    rule("square-token", "Square access token or application secret", S::critical, "Takes payments, issues refunds and reads the seller's customers."),
    rule("stripe-key", "Stripe secret key", S::critical, "Live keys move money: charges, refunds, payouts and customer data."),
    rule("supabase-key", "Supabase secret key", S::critical, "Service-role keys bypass row-level security: the whole database."),
    rule("tailscale-key", "Tailscale auth key, API key or OAuth secret", S::high, "Joins devices to the tailnet or manages it through the API."),
    rule("tavily-api-key", "Tavily API key", S::medium, "Spends the account's Tavily search credits."),
    rule("teams-webhook-url", "Microsoft Teams or Power Automate webhook URL", S::medium, "Anyone holding the URL can post into the channel or start the flow."),
    rule("telegram-bot-token", "Telegram bot token", S::high, "Controls the bot: reads its chats and posts as it."),
    rule("terraform-cloud-token", "HCP Terraform (Terraform Cloud) API token", S::critical, "Runs plans and applies in the organisation's workspaces and reads their state."),
    rule("together-api-key", "Together AI API key", S::high, "Spends the account's Together AI credits."),
    rule("twilio-credential", "Twilio auth token or API key secret", S::high, "Sends SMS and places calls on the account's bill.", C::medium),
    rule("twitter-bearer-token", "X (Twitter) app bearer token", S::medium, "Reads public X data as the app, on its rate limits and bill."),
    rule("typeform-token", "Typeform personal access token", S::medium, "Reads the account's forms and every response."),
    rule("url-credentials", "Credentials in a URL", S::high, "A user:password@ pair inside a connection string or URL."),
    rule("vercel-token", "Vercel access token", S::high, "Deploys, reads environment variables of and deletes the projects the token can reach."),
    rule("wandb-api-key", "Weights and Biases API key", S::high, "Reads and writes the user's runs, models and artifacts.", C::medium),
    rule("xai-api-key", "xAI API key", S::high, "Spends the account's xAI (Grok) credits."),
    rule("zapier-webhook-url", "Zapier catch hook URL", S::medium, "Anyone holding the URL can start the Zap with the data they choose."),
    rule("zendesk-token", "Zendesk API token", S::high, "Acts as the agent in the Zendesk account: tickets, users and their data.", C::medium),
};

// Sorted by id.
constexpr std::array kProviders = {
    ProviderInfo{"airtable", "Airtable", "Airtable builder hub > Personal access tokens", "https://airtable.com/create/tokens", ""},
    ProviderInfo{"alibaba", "Alibaba Cloud", "Alibaba Cloud RAM console > Users > AccessKey", "https://ram.console.aliyun.com/users", "aliyun|alicloud"},
    ProviderInfo{"anthropic", "Anthropic", "Anthropic Console > API keys", "https://console.anthropic.com/settings/keys", "claude"},
    ProviderInfo{"artifactory", "JFrog Artifactory", "JFrog Platform > Edit profile > Identity tokens (or Administration > Access tokens)", "", "jfrog"},
    ProviderInfo{"asana", "Asana", "Asana > Settings > Apps > Developer apps > Personal access tokens", "https://app.asana.com/0/my-apps", ""},
    ProviderInfo{"assemblyai", "AssemblyAI", "AssemblyAI dashboard > API keys", "https://www.assemblyai.com/app/api-keys", ""},
    ProviderInfo{"atlassian", "Atlassian", "Atlassian account > Security > API tokens", "https://id.atlassian.com/manage-profile/security/api-tokens", "jira|confluence"},
    ProviderInfo{"aws", "AWS", "AWS IAM console > Users > Security credentials", "https://console.aws.amazon.com/iam/", ""},
    ProviderInfo{"azure", "Microsoft Azure", "Azure portal (the resource's Keys page, or Entra ID app registrations)",
                 "https://portal.azure.com/", ""},
    ProviderInfo{"bitbucket", "Bitbucket", "Bitbucket > Personal settings > App passwords (API tokens)", "https://bitbucket.org/account/settings/app-passwords/", ""},
    ProviderInfo{"brevo", "Brevo", "Brevo > SMTP & API > API keys", "https://app.brevo.com/settings/keys/api", "sendinblue"},
    ProviderInfo{"buildkite", "Buildkite", "Buildkite > Personal settings > API access tokens", "https://buildkite.com/user/api-access-tokens", ""},
    ProviderInfo{"cerebras", "Cerebras", "Cerebras Cloud > API keys", "https://cloud.cerebras.ai/", ""},
    ProviderInfo{"circleci", "CircleCI", "CircleCI > User settings > Personal API tokens (or Project settings > API permissions)",
                 "https://app.circleci.com/settings/user/tokens", "circle"},
    ProviderInfo{"clickup", "ClickUp", "ClickUp > Settings > Apps > API token", "https://app.clickup.com/settings/apps", ""},
    ProviderInfo{"cloudflare", "Cloudflare", "Cloudflare dashboard > My profile > API tokens", "https://dash.cloudflare.com/profile/api-tokens", "cf"},
    ProviderInfo{"datadog", "Datadog", "Datadog > Organization settings > API keys (and Application keys)",
                 "https://app.datadoghq.com/organization-settings/api-keys", "dd"},
    ProviderInfo{"deepgram", "Deepgram", "Deepgram console > your project > API keys", "https://console.deepgram.com/", ""},
    ProviderInfo{"discord", "Discord", "Discord Developer Portal > Applications > Bot", "https://discord.com/developers/applications", ""},
    ProviderInfo{"docker", "Docker Hub", "Docker Hub > Account settings > Personal access tokens (organisations: Access tokens)", "https://app.docker.com/settings/personal-access-tokens", "dockerhub"},
    ProviderInfo{"dropbox", "Dropbox", "Dropbox App Console > your app > Settings (access tokens)", "https://www.dropbox.com/developers/apps", ""},
    ProviderInfo{"elevenlabs", "ElevenLabs", "ElevenLabs > Developers > API keys", "https://elevenlabs.io/app/settings/api-keys", ""},
    ProviderInfo{"firecrawl", "Firecrawl", "Firecrawl dashboard > API keys", "https://www.firecrawl.dev/app/api-keys", ""},
    ProviderInfo{"fireworks", "Fireworks AI", "Fireworks AI > Account > API keys", "https://fireworks.ai/account/api-keys", ""},
    ProviderInfo{"fly", "Fly.io", "Fly.io dashboard > Tokens (or fly tokens create)", "https://fly.io/dashboard", "flyio"},
    ProviderInfo{"github", "GitHub", "GitHub > Settings > Developer settings > Personal access tokens (fine-grained)",
                 "https://github.com/settings/tokens", "gh"},
    ProviderInfo{"gitlab", "GitLab", "GitLab > Preferences > Access tokens", "", ""},
    ProviderInfo{"google", "Google Cloud", "Google Cloud console > APIs & Services > Credentials",
                 "https://console.cloud.google.com/apis/credentials", "gcp"},
    ProviderInfo{"googlechat", "Google Chat", "Google Chat > the space > Apps & integrations > Webhooks (delete and recreate it)", "", "gchat"},
    ProviderInfo{"heroku", "Heroku", "Heroku > Account settings > API key (or heroku authorizations:create)", "https://dashboard.heroku.com/account", ""},
    ProviderInfo{"hubspot", "HubSpot", "HubSpot > Settings > Integrations > Private apps", "https://app.hubspot.com/", ""},
    ProviderInfo{"huggingface", "Hugging Face", "Hugging Face > Settings > Access Tokens", "https://huggingface.co/settings/tokens", "hf"},
    ProviderInfo{"infisical", "Infisical", "Infisical > Access Control > Machine Identities (service tokens: Access Control > Service Tokens)", "https://app.infisical.com/", ""},
    ProviderInfo{"intercom", "Intercom", "Intercom Developer Hub > your app > Authentication", "https://app.intercom.com/a/apps/_/developer-hub", ""},
    ProviderInfo{"launchdarkly", "LaunchDarkly", "LaunchDarkly > Organization settings > Authorization (SDK keys: the project's Environments page)",
                 "https://app.launchdarkly.com/settings/authorization", ""},
    ProviderInfo{"mailchimp", "Mailchimp", "Mailchimp > Profile > Extras > API keys", "https://admin.mailchimp.com/account/api/", ""},
    ProviderInfo{"mailgun", "Mailgun", "Mailgun dashboard > API keys", "", ""},
    ProviderInfo{"make", "Make", "Make > the scenario's webhook (redetermine or recreate its address)", "https://www.make.com/", "integromat"},
    ProviderInfo{"mapbox", "Mapbox", "Mapbox account > Access tokens", "https://account.mapbox.com/access-tokens/", ""},
    ProviderInfo{"mattermost", "Mattermost", "Mattermost > Integrations > Incoming webhooks", "", ""},
    ProviderInfo{"meta", "Meta", "Meta Business settings > System users (or Meta for Developers > your app)", "https://developers.facebook.com/apps/",
                 "facebook|fb|whatsapp|instagram"},
    ProviderInfo{"msteams", "Microsoft Teams", "Teams channel > Manage channel > Connectors or Workflows (delete and recreate the webhook)", "", ""},
    ProviderInfo{"neon", "Neon", "Neon console > Account settings > API keys", "https://console.neon.tech/app/settings/api-keys", ""},
    ProviderInfo{"netlify", "Netlify", "Netlify > User settings > Applications > Personal access tokens", "https://app.netlify.com/user/applications", ""},
    ProviderInfo{"newrelic", "New Relic", "New Relic > API keys", "https://one.newrelic.com/api-keys", "relic"},
    ProviderInfo{"ngrok", "ngrok", "ngrok dashboard > Your authtoken (or API keys)", "https://dashboard.ngrok.com/get-started/your-authtoken", ""},
    ProviderInfo{"notion", "Notion", "Notion > Settings > Integrations (internal integration secret)",
                 "https://www.notion.so/my-integrations", ""},
    ProviderInfo{"npm", "npm", "npmjs.com > Access Tokens", "", ""},
    ProviderInfo{"nuget", "NuGet", "nuget.org > API keys", "https://www.nuget.org/account/apikeys", ""},
    ProviderInfo{"okta", "Okta", "Okta Admin Console > Security > API > Tokens", "", ""},
    ProviderInfo{"onepassword", "1Password", "1Password > Developer > Service accounts", "https://my.1password.com/", "op"},
    ProviderInfo{"openai", "OpenAI", "OpenAI platform > API keys", "https://platform.openai.com/api-keys", ""},
    ProviderInfo{"planetscale", "PlanetScale", "PlanetScale > Organization settings > Service tokens (or the branch's Passwords)", "https://app.planetscale.com/", "pscale"},
    ProviderInfo{"posthog", "PostHog", "PostHog > Settings > Personal API keys", "https://us.posthog.com/settings/user-api-keys", ""},
    ProviderInfo{"postmark", "Postmark", "Postmark > Servers > API tokens", "https://account.postmarkapp.com/servers", ""},
    ProviderInfo{"prefect", "Prefect", "Prefect Cloud > Profile > API keys", "https://app.prefect.cloud/my/api-keys", ""},
    ProviderInfo{"pulumi", "Pulumi", "Pulumi Cloud > Personal access tokens (or organisation and team tokens)", "https://app.pulumi.com/account/tokens", ""},
    ProviderInfo{"pypi", "PyPI", "PyPI > Account settings > API tokens", "", ""},
    ProviderInfo{"railway", "Railway", "Railway > Account settings > Tokens (or the project's Settings > Tokens)", "https://railway.com/account/tokens", ""},
    ProviderInfo{"render", "Render", "Render dashboard > Account settings > API keys", "https://dashboard.render.com/", ""},
    ProviderInfo{"resend", "Resend", "Resend > API keys", "https://resend.com/api-keys", ""},
    ProviderInfo{"rubygems", "RubyGems", "rubygems.org > Settings > API keys", "https://rubygems.org/profile/api_keys", "gem"},
    ProviderInfo{"sendgrid", "SendGrid", "SendGrid > Settings > API Keys", "https://app.sendgrid.com/settings/api_keys", "sg"},
    ProviderInfo{"sentry", "Sentry", "Sentry > Settings > Auth tokens (organization tokens, or personal tokens)", "https://sentry.io/settings/account/api/auth-tokens/", ""},
    ProviderInfo{"slack", "Slack", "Slack API > Your apps > OAuth & Permissions (or Incoming Webhooks)", "https://api.slack.com/apps", ""},
    ProviderInfo{"square", "Square", "Square Developer console > your application > Credentials", "https://developer.squareup.com/apps", ""},
    ProviderInfo{"stripe", "Stripe", "Stripe dashboard > Developers > API keys (use a restricted key)",
                 "https://dashboard.stripe.com/apikeys", ""},
    ProviderInfo{"tailscale", "Tailscale", "Tailscale admin console > Settings > Keys", "https://login.tailscale.com/admin/settings/keys", "ts"},
    ProviderInfo{"tavily", "Tavily", "Tavily dashboard > API keys", "https://app.tavily.com/home", ""},
    ProviderInfo{"telegram", "Telegram", "Telegram @BotFather (/newbot or /token)", "", ""},
    ProviderInfo{"terraform", "HCP Terraform", "HCP Terraform > Account settings > Tokens (or organisation and team tokens)",
                 "https://app.terraform.io/app/settings/tokens", "tfc|tfe"},
    ProviderInfo{"together", "Together AI", "Together AI > Settings > API keys", "https://api.together.ai/settings/api-keys", ""},
    ProviderInfo{"trello", "Trello", "Trello Power-Up admin > your Power-Up > API key (and its tokens)", "https://trello.com/power-ups/admin", ""},
    ProviderInfo{"twilio", "Twilio", "Twilio console > Account > API keys & tokens", "https://console.twilio.com/", ""},
    ProviderInfo{"twitter", "X (Twitter)", "X developer portal > Projects & Apps > Keys and tokens", "https://developer.x.com/en/portal/dashboard", ""},
    ProviderInfo{"typeform", "Typeform", "Typeform > Account > Personal tokens", "https://admin.typeform.com/user/tokens", ""},
    ProviderInfo{"vercel", "Vercel", "Vercel > Account settings > Tokens", "https://vercel.com/account/tokens", ""},
    ProviderInfo{"wandb", "Weights & Biases", "W&B > User settings > API keys", "https://wandb.ai/authorize", ""},
    ProviderInfo{"zapier", "Zapier", "Zapier > the Zap's Webhooks by Zapier trigger (create a new hook URL)", "https://zapier.com/app/zaps", ""},
    ProviderInfo{"zendesk", "Zendesk", "Zendesk Admin Center > Apps and integrations > APIs > Zendesk API", "", ""},
};
} // namespace

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
