// Generated fakes: random values in each provider's format (valid CRC32 where the format has one).
// Never issued by any provider.
#include "checks/tokens/samples.hpp"

#include <array>
#include <string_view>

namespace handoff::tokens {

namespace {
using namespace std::string_view_literals;
constexpr std::array<std::string_view, 1> k_age_secret_key_hits = {
    "AGE_KEY=AGE-SECRET-KEY-14SFHH4PWN8R6KN9T8PV5Q0NN6EDAH60RSH3CWDFMRCP4EHX6U4R8TRJ5DQ"sv,
};
constexpr std::array<std::string_view, 1> k_age_secret_key_misses = {
    "AGE-SECRET-KEY-1XXXXXXXX"sv,
};
constexpr std::array<std::string_view, 1> k_airtable_token_hits = {
    "AIRTABLE_TOKEN=patv1Ib8pp1xxXHU0.d142880e8427abeec12975fd55911ea2cbd390b656a4d2bad821df997d529975"sv,
};
constexpr std::array<std::string_view, 2> k_airtable_token_misses = {
    "path: pattern.txt"sv,
    "AIRTABLE_TOKEN=patXXXXXXXXXXXXXX.0000"sv,
};
constexpr std::array<std::string_view, 2> k_anthropic_api_key_hits = {
    "ANTHROPIC_API_KEY=sk-ant-api03-3XVy27dFanUrOSE62chn4xdeJg1Kza5KxxGWfvmaQtKnP_VSGVBrYSuIb9OZiFZ3HLKv797TPNbpjava1bMZwIMlvdp5gAA"sv,
    "admin: sk-ant-admin01-jTrD8Osj_LnZ5R-j_8U_m7aSz7NRSOtv75y4SXvE9rwLbAtf6e9cpCGybY9lMR4pAwBp3GVy1PixOqoRGrB5Vpg5C6QsyAA"sv,
};
constexpr std::array<std::string_view, 2> k_anthropic_api_key_misses = {
    "ANTHROPIC_API_KEY=sk-ant-..."sv,
    "sk-ant-api03-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"sv,
};
constexpr std::array<std::string_view, 2> k_aws_access_key_hits = {
    "aws_access_key_id = AKIAQZMJCIZ5S2VEAD4B"sv,
    "id: ASIAYB3CUA2ZBB7A4ODU"sv,
};
constexpr std::array<std::string_view, 2> k_aws_access_key_misses = {
    "aws_access_key_id = AKIAIOSFODNN7EXAMPLE"sv,
    "AKIA1234"sv,
};
constexpr std::array<std::string_view, 2> k_aws_secret_key_hits = {
    "aws_secret_access_key = FfqRgz7IhYePP2lny2pg17+dUM2jNKogorTAuRVp"sv,
    "AWS_SECRET_ACCESS_KEY=Q09oiVeZWJ9QyucS19AvMp2gUAeSsUfFgUl8oPK+"sv,
};
constexpr std::array<std::string_view, 2> k_aws_secret_key_misses = {
    "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"sv,
    "aws_secret_access_key = ${AWS_SECRET}"sv,
};
constexpr std::array<std::string_view, 1> k_aws_session_token_hits = {
    "aws_session_token = IQoJb3JpZ2luX2VjHJN45P/ED75cNRqsKz5b70CO8W7RQHy2Yp+ptzsJqLOJqu3g9DYpQaxEN+cNljiRkV71kDRuIr2jhTxs+OHKDpnJh/rgiOaPq/N9RtlnnudSkpmKog0Qwp/vaQcT7xl2cwC6dT0ctPVnaawqrczLJWImKMG4hEbuUVDPDR/m0k5iqkwUONAIifEcLav+q5ZvQmLL8ZrF8w50SR2Qugs4lIFVRdxtDyKUOtfZUTqr8aFvnKbnHFbDfj3u+ypO09RnKw1zW9/ohP46PbmT1TOkzfR1wKbPXTXx8TTx4XUMGmTt"sv,
};
constexpr std::array<std::string_view, 1> k_aws_session_token_misses = {
    "aws_session_token = IQoJb3JpZ2luX2Vj..."sv,
};
constexpr std::array<std::string_view, 1> k_azure_ad_client_secret_hits = {
    "AZURE_CLIENT_SECRET=Wcb8Q~6y-_xI25MTL3xzfMg5lJYj_loHI3Y-hc1O"sv,
};
constexpr std::array<std::string_view, 1> k_azure_ad_client_secret_misses = {
    "client_secret: 8Q~short"sv,
};
constexpr std::array<std::string_view, 1> k_azure_devops_pat_hits = {
    "AZDO_PAT=HlwF5SEvPMZUIKK6Q4O5W3zCVFBZSntMY467o6hHdeHHwJwRJvreJQQJ99BBACuENsrgDUIvMAZCAZDOQLzP"sv,
};
constexpr std::array<std::string_view, 1> k_azure_devops_pat_misses = {
    "JQQJ99"sv,
};
constexpr std::array<std::string_view, 2> k_azure_openai_key_hits = {
    "AZURE_OPENAI_API_KEY=daWq33w5bqyhPzDalfDsnqdVtx8qRuzg1ODn5N5LBS9QN3JFCVJwJQQJ99ABAC8S0z0XJ3w3AAAMACOGVc1p"sv,
    "AOAI_KEY=fd04d5014995756e61d6b91cda411dfd"sv,
};
constexpr std::array<std::string_view, 2> k_azure_openai_key_misses = {
    "AOAI_KEY=changeme"sv,
    "AOAI_KEY=%AOAI_KEY%"sv,
};
constexpr std::array<std::string_view, 1> k_cohere_api_key_hits = {
    "COHERE_API_KEY=W44peEcu8hj28iHoTyXPojkU1ziGrWzY786O6ax8"sv,
};
constexpr std::array<std::string_view, 2> k_cohere_api_key_misses = {
    "COHERE_API_KEY=********"sv,
    "COHERE_API_KEY="sv,
};
constexpr std::array<std::string_view, 1> k_databricks_token_hits = {
    "DATABRICKS_TOKEN=dapi90a16be3388e7f14697f0603577aa6c5"sv,
};
constexpr std::array<std::string_view, 1> k_databricks_token_misses = {
    "dapi00000000000000000000000000000000"sv,
};
constexpr std::array<std::string_view, 1> k_deepseek_api_key_hits = {
    "client = OpenAI(api_key='sk-5e0d19d3572186e5761b1524bf0b0947', base_url='https://api.deepseek.com')"sv,
};
constexpr std::array<std::string_view, 2> k_deepseek_api_key_misses = {
    "task-c5eba021711473613ef6c2e0ef82b15f"sv,
    "DEEPSEEK_API_KEY=YOUR_API_KEY"sv,
};
constexpr std::array<std::string_view, 1> k_digitalocean_token_hits = {
    "DO_TOKEN=dop_v1_c467fe93e81dd58a0c1f9a51bb5d9fb33fdebd0bd6ba93e3c411a056d753e378"sv,
};
constexpr std::array<std::string_view, 1> k_digitalocean_token_misses = {
    "DO_TOKEN=dop_v1_xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_discord_bot_token_hits = {
    "DISCORD_TOKEN=MzYzNjg2NDc0NTQ3Mjc0OTMw.GD3vSS.1Mmn7qOiqh1yudML66YbgqaD7XBPgUbqr2RbwX"sv,
};
constexpr std::array<std::string_view, 1> k_discord_bot_token_misses = {
    "DISCORD_BOT_TOKEN=test"sv,
};
constexpr std::array<std::string_view, 1> k_discord_webhook_url_hits = {
    "url: https://discord.com/api/webhooks/5276400092698067694/77hBlyqz_9PNldsWhXK64VtGHZA2PQLUD_W1nW4kGeJ_ky88BV8_luteLKWMFmkkBTDi"sv,
};
constexpr std::array<std::string_view, 1> k_discord_webhook_url_misses = {
    "url: https://discord.com/api/webhooks/123/abc"sv,
};
constexpr std::array<std::string_view, 1> k_docker_config_auth_hits = {
    "\"auth\": \"Y2ktYm90OlZ5c2ZTYTVKaGw3TGlFLQ==\""sv,
};
constexpr std::array<std::string_view, 2> k_docker_config_auth_misses = {
    "\"auth\": \"\""sv,
    "\"auth\": \"bm9jb2xvbg==\""sv,
};
constexpr std::array<std::string_view, 1> k_doppler_token_hits = {
    "DOPPLER_TOKEN=dp.st.prd.O9onDfakNMYXc1RVLJ7yyHwSswQexv7CDUijlSq2"sv,
};
constexpr std::array<std::string_view, 1> k_doppler_token_misses = {
    "DOPPLER_TOKEN=dp.st.xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_figma_token_hits = {
    "FIGMA_TOKEN=figd_72VnY6wGD4tylc_Y3oLOr0GlsP5S-KXv5Zzjhe3p"sv,
};
constexpr std::array<std::string_view, 1> k_figma_token_misses = {
    "figd_"sv,
};
constexpr std::array<std::string_view, 3> k_generic_secret_hits = {
    "DB_PASSWORD=Ag1-aKfux6fX1L3d=d4u2d"sv,
    "\"SigningKey\": \"oSqXPTijG86AKZtUkKU9xTIcrQQy0gvgIJIbNxpmaIebhVuG3LE37L6ClNsHAi7s\""sv,
    "password = C3zmg7srxirfu19-A"sv,
};
constexpr std::array<std::string_view, 5> k_generic_secret_misses = {
    "DB_PASSWORD=${DB_PASSWORD}"sv,
    "API_KEY=your-api-key-here"sv,
    "cache_key = '0f290d94d7efecc22a4e5d4697ea93ff69b52573'"sv,
    "token: handleAuthToken"sv,
    "password: changeme123"sv,
};
constexpr std::array<std::string_view, 3> k_github_token_hits = {
    "GH_TOKEN: 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"sv,
    "token: ghs_0tLodC5rutXJtmIPXn1HmbYIvx4wEP3jO4la"sv,
    "GITHUB_PAT=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"sv,
};
constexpr std::array<std::string_view, 3> k_github_token_misses = {
    "BAD = \"ghp_dcp3lrSJfBFaEREQBgmsLuYMyjXihWkURXxu\""sv,
    "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"sv,
    "export GITHUB_TOKEN=\"github_pat_XXXXXXXXXXXXXXXX\""sv,
};
constexpr std::array<std::string_view, 2> k_gitlab_token_hits = {
    "GITLAB_TOKEN=glpat-YTyr-n_dryG4cBIRlNmb"sv,
    "token: glpat--_3UHdgBDJppkFFEZciCQP00U87.w4ahndxf7"sv,
};
constexpr std::array<std::string_view, 2> k_gitlab_token_misses = {
    "GITLAB_TOKEN=glpat-XXXXXXXXXXXXXXXXXXXX"sv,
    "glpat-short"sv,
};
constexpr std::array<std::string_view, 1> k_google_api_key_hits = {
    "GOOGLE_API_KEY=AIzaSyAXHmGRZ2XsTS5MivpF9k9jz89iLWeajzV"sv,
};
constexpr std::array<std::string_view, 1> k_google_api_key_misses = {
    "# usage: genai.configure(api_key=\"AIza...\")"sv,
};
constexpr std::array<std::string_view, 1> k_google_oauth_client_secret_hits = {
    "client_secret: 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"sv,
};
constexpr std::array<std::string_view, 1> k_google_oauth_client_secret_misses = {
    "GOCSPX-xxxxxxxx"sv,
};
constexpr std::array<std::string_view, 1> k_grafana_token_hits = {
    "GRAFANA_TOKEN=glsa_dCD1fM2WoldRqCiI3w94BP5nCc2PD6Pj_65a7829e"sv,
};
constexpr std::array<std::string_view, 1> k_grafana_token_misses = {
    "glsa_xxxx"sv,
};
constexpr std::array<std::string_view, 1> k_groq_api_key_hits = {
    "GROQ_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 2> k_groq_api_key_misses = {
    "GROQ_API_KEY=gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "GROQ_API_KEY=gsk_..."sv,
};
constexpr std::array<std::string_view, 1> k_hashicorp_vault_token_hits = {
    "VAULT_TOKEN=hvs.iOJcT_HHqodEvUF0f-UzpWcP1mLMwT3zWLA825gFKEOU0Ekm5h-Kt9sbg9bAjtbDV3J7Y59r5zFa1lykVg5kpYYrDY"sv,
};
constexpr std::array<std::string_view, 1> k_hashicorp_vault_token_misses = {
    "VAULT_TOKEN=hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
};
constexpr std::array<std::string_view, 2> k_huggingface_token_hits = {
    "HF_TOKEN=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"sv,
    "org: 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"sv,
};
constexpr std::array<std::string_view, 2> k_huggingface_token_misses = {
    "HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "\"example\": \"hf_YOUR_TOKEN\""sv,
};
constexpr std::array<std::string_view, 1> k_jwt_token_hits = {
    "SERVICE_JWT=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkYWI1NTJjZi0zYzRiLTRmZGQtOGExZS1kOGNmMGNjZjVlZTMiLCJpYXQiOjE3NDk5MjIxOTcsImV4cCI6MTg1OTc1Njk2Niwic2NvcGUiOiJhcGkifQ.4TbhanlpszXq7zk_mAHYaCAbdAZVxhJ-65rdklVIDzg"sv,
};
constexpr std::array<std::string_view, 2> k_jwt_token_misses = {
    "SERVICE_JWT=eyJhbGciOi.notajwt.x"sv,
    "SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Iml1aG9wdXRwc3lsd2NyYmNibWZ5Iiwicm9sZSI6ImFub24iLCJpYXQiOjE3NDc2NTUzODEsImV4cCI6MjA2MzAxNTM4MX0.twaTMluO2FXikWJBIfURfPIueVIRFUps3id_yoLkMRA"sv,
};
constexpr std::array<std::string_view, 1> k_langsmith_api_key_hits = {
    "LANGSMITH_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_langsmith_api_key_misses = {
    "LANGSMITH_API_KEY=REPLACE_ME"sv,
};
constexpr std::array<std::string_view, 1> k_linear_api_key_hits = {
    "LINEAR_API_KEY=lin_api_mUoRHUCUVp9tQFf7kOfb5dsXDpHrNAYIaXZUCe38"sv,
};
constexpr std::array<std::string_view, 1> k_linear_api_key_misses = {
    "lin_api_xxx"sv,
};
constexpr std::array<std::string_view, 2> k_mailgun_api_key_hits = {
    "MAILGUN_KEY=key-292d76334d306f5ef11798d409eb7596"sv,
    "MAILGUN_API_KEY=2fd301a84cc84eab845e9c9d83589a80-70fec594-d17a783a"sv,
};
constexpr std::array<std::string_view, 2> k_mailgun_api_key_misses = {
    "MAILGUN_KEY=dummy"sv,
    "pubkey-06aac2f80f9701b53eba5c59acde6415"sv,
};
constexpr std::array<std::string_view, 1> k_maven_password_hits = {
    "<password>6o+SFxhfrEw0bVCT</password>"sv,
};
constexpr std::array<std::string_view, 2> k_maven_password_misses = {
    "<password>${env.MAVEN_PASSWORD}</password>"sv,
    "<password>{K8/QGBHeAM7QY4AFADRJekFphWEoECyT}</password>"sv,
};
constexpr std::array<std::string_view, 1> k_mistral_api_key_hits = {
    "MISTRAL_API_KEY=D703iUyOr19JNSe7RAsHpevfHNlY0zei"sv,
};
constexpr std::array<std::string_view, 2> k_mistral_api_key_misses = {
    "MISTRAL_API_KEY=..."sv,
    "MISTRAL_API_KEY ?= $(shell cat ~/.config/mistral/key)"sv,
};
constexpr std::array<std::string_view, 1> k_n8n_api_key_hits = {
    "N8N_API_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxNDQ3MzRjYi0xNmQ3LTQ3NWQtOGFkNC1hYzEyYTlmNjQ0ZDciLCJpc3MiOiJuOG4iLCJhdWQiOiJwdWJsaWMtYXBpIiwiaWF0IjoxNzMzMTIyMjY5fQ.4w-VSJ_yqSekmZKFpt_yvRrr9JQ8vaBKxybCc6GCyPQ"sv,
};
constexpr std::array<std::string_view, 2> k_n8n_api_key_misses = {
    "N8N_API_KEY=changeme"sv,
    "N8N_API_KEY=********"sv,
};
constexpr std::array<std::string_view, 2> k_notion_token_hits = {
    "NOTION_TOKEN=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"sv,
    "NOTION_TOKEN=secret_dhGet63reUoHn4Q0WtcbbvfSivnGM8KlcjzwO5xpRtf"sv,
};
constexpr std::array<std::string_view, 1> k_notion_token_misses = {
    "# usage: Client(auth=\"secret_...\")"sv,
};
constexpr std::array<std::string_view, 1> k_npm_token_hits = {
    "//registry.npmjs.org/:_authToken=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"sv,
};
constexpr std::array<std::string_view, 2> k_npm_token_misses = {
    "NPM_TOKEN=npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "NODE_AUTH_TOKEN=<npm-token>"sv,
};
constexpr std::array<std::string_view, 1> k_nuget_password_hits = {
    "<add key=\"ClearTextPassword\" value=\"4Q*w-Zirf#F4eN1NI6zuks\" />"sv,
};
constexpr std::array<std::string_view, 1> k_nuget_password_misses = {
    "<add key=\"ClearTextPassword\" value=\"%GITHUB_TOKEN%\" />"sv,
};
constexpr std::array<std::string_view, 4> k_openai_api_key_hits = {
    "OPENAI_API_KEY=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"sv,
    "OPENAI_API_KEY=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"sv,
    "key: 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"sv,
    "key: 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"sv,
};
constexpr std::array<std::string_view, 3> k_openai_api_key_misses = {
    "OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
    "MASKED = \"sk-proj-****************************\""sv,
    "TRUNCATED = \"sk-proj-YwnRna...2Om4\""sv,
};
constexpr std::array<std::string_view, 1> k_openrouter_api_key_hits = {
    "OPENROUTER_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_openrouter_api_key_misses = {
    "OPENROUTER_API_KEY=sk-or-v1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"sv,
};
constexpr std::array<std::string_view, 1> k_perplexity_api_key_hits = {
    "PPLX_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_perplexity_api_key_misses = {
    "PPLX_API_KEY=pplx-..."sv,
};
constexpr std::array<std::string_view, 1> k_pinecone_api_key_hits = {
    "PINECONE_API_KEY=pcsk_vRUrB4_KMviYWQo65dR5AGpDsS9g4QBN1amBxEsyH1CBdWQhqzWdQRAUCrwMZvfX1HIWWH"sv,
};
constexpr std::array<std::string_view, 1> k_pinecone_api_key_misses = {
    "PINECONE_API_KEY=%PINECONE_API_KEY%"sv,
};
constexpr std::array<std::string_view, 1> k_postman_api_key_hits = {
    "POSTMAN_API_KEY=PMAK-ac48cfec6e9884d7da9412c6-3c662e27c8787288993d68ccfa4d1765d9"sv,
};
constexpr std::array<std::string_view, 1> k_postman_api_key_misses = {
    "PMAK-xxxx"sv,
};
constexpr std::array<std::string_view, 2> k_private_key_hits = {
    "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAWfnm2uLDv7p1g9Ml9acqK/B78Tw7REGrhXSPB2Y3L72JwXMp\nD7P89FxJtvKh05b7Okj9l0bsS45JbueX/bEaSmaUyp6haHpmE6TCE5xC/FcuSfVZ\nshdEIofCyOrCrt+tTASsRdWTR8CqaLW1xjNmDiqjy+xwR9d9IOvGLi+WxD/HGa4k"sv,
    "\"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQhFCJloy/6KMCsO\\nQuaj2q3cfK1n5kGss5eBGKpJgugjKhVfpwoZcxG8LoSRTtOvekRD1Tovkl8BgX7w\\nqSifjPYnQgasrvhkun2uKy4P5gwxyDC1FKtRiEwjF8M9361sKUYD4b+AsqXJiyeS\\nhNMHUC4rFhD5vDvnR8Ift7OGdt2GNvtTO8meAxp3iLvW5ST//zL5LQRYmmYctWjZ\\n4h2FMmQ\""sv,
};
constexpr std::array<std::string_view, 2> k_private_key_misses = {
    "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"sv,
    "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"sv,
};
constexpr std::array<std::string_view, 1> k_pypi_token_hits = {
    "TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmcCJRBZQgg-sgIUBDR6gAkS0B4Wg5U9wJAnVcseVtdFh12hnrZ0TY8p71zkEz63ycWRr74qBUZQt5JucfvY3gnDzgOWoqAzL4WQvQ6aPs4ocabssZ-79pIcFY4B9GBHjbTBNervCVl3uSY--CuCJRxhWvxzJ9GXdSkbJ"sv,
};
constexpr std::array<std::string_view, 1> k_pypi_token_misses = {
    "PYPI_API_TOKEN=pypi-AgEIcHlwaS5vcmc..."sv,
};
constexpr std::array<std::string_view, 1> k_replicate_api_token_hits = {
    "REPLICATE_API_TOKEN=r8_2LlTza3lfxOqRLbm7H6gwmlzUBcLlj7YKxPmQ"sv,
};
constexpr std::array<std::string_view, 1> k_replicate_api_token_misses = {
    "REPLICATE_API_TOKEN=r8_..."sv,
};
constexpr std::array<std::string_view, 1> k_sendgrid_api_key_hits = {
    "SENDGRID_API_KEY=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"sv,
};
constexpr std::array<std::string_view, 1> k_sendgrid_api_key_misses = {
    "SendGridAPIClient(\"<SENDGRID_API_KEY>\")"sv,
};
constexpr std::array<std::string_view, 1> k_shopify_token_hits = {
    "SHOPIFY_TOKEN=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"sv,
};
constexpr std::array<std::string_view, 1> k_shopify_token_misses = {
    "shpat_xxxx"sv,
};
constexpr std::array<std::string_view, 3> k_slack_token_hits = {
    "SLACK_BOT_TOKEN=xoxb-989434962313-6017796033864-Jihd9yfbyWHAE51kN8AqTG9W"sv,
    "SLACK_USER_TOKEN=xoxp-265636471153-807499681211-1057646073475-d9107fc850a3b73ef29536a9a935af25"sv,
    "SLACK_APP_TOKEN=xapp-1-A65C6982K04-6809903798018-4a0c623fc784a49c3e6121c0b32ca181064bc559dccde83cb96c26a48961b73a"sv,
};
constexpr std::array<std::string_view, 1> k_slack_token_misses = {
    "\"example\": \"xoxb-XXXXXXXXXXXX-XXXXXXXXXXXXX-XXXXXXXXXXXXXXXXXXXXXXXX\""sv,
};
constexpr std::array<std::string_view, 1> k_slack_webhook_url_hits = {
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/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"sv,
};
constexpr std::array<std::string_view, 1> k_slack_webhook_url_misses = {
    "SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"sv,
};
constexpr std::array<std::string_view, 1> k_sonarqube_token_hits = {
    "<sonar.token>squ_40ccdfb65420b84f1846751514f52dab4be75d05</sonar.token>"sv,
};
constexpr std::array<std::string_view, 1> k_sonarqube_token_misses = {
    "<sonar.token>${env.SONAR_TOKEN}</sonar.token>"sv,
};
constexpr std::array<std::string_view, 3> k_stripe_key_hits = {
    "STRIPE_SECRET_KEY=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"sv,
    "key: rk_live_UQhBAMjlpkKfquZ1FiFeHT4b"sv,
    "test: sk_test_51N3apCrYNvXhC0vmhhEj4PagnWMxHuhflUeSyZga5JRUJHWfoGAPfWnV7RZGYzrGLm3RLCnwGKF826UGuS30Gxvtkn6rVXi3BH"sv,
};
constexpr std::array<std::string_view, 2> k_stripe_key_misses = {
    "pk_live_txjjMpQMKvyDq83zsm8qXHZkS5Lbk7xd6Zc7hkDfbMibr6Jqgqxv88T2akwQjsLM2Z5uBoIntjz3W5cKckMaiL9A04cvkWQCb9m"sv,
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc"sv,
};
constexpr std::array<std::string_view, 3> k_supabase_key_hits = {
    "SUPABASE_SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Ind6aml6bGt0a3pqZGRwdndkZ2d5Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwNTI0MTkwMiwiZXhwIjoyMDIwNjAxOTAyfQ._hc60A2EbweZK9pShBC8ewQ-Y_Pvczt2LHHMOdys2CI"sv,
    "SUPABASE_SECRET_KEY=sb_secret_1zipZU_elpCzvPHl7bqM-A_gnB1CBLx"sv,
    "SUPABASE_ACCESS_TOKEN=sbp_e37930f85cfbadb341bfeea32992d177fb08df21"sv,
};
constexpr std::array<std::string_view, 3> k_supabase_key_misses = {
    "SUPABASE_ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InV0aWF1eHdjeHNsbGRlYnJiemlkIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MjkxMTEzODAsImV4cCI6MjA0NDQ3MTM4MH0.93f35OM9eTA2LTgI_67FunHygiXuXyqG0LTENvdOIvI"sv,
    "SUPABASE_SERVICE_ROLE_KEY=sb_secret_your_key_here"sv,
    "SUPABASE_PUBLISHABLE_KEY=sb_publishable_B3Oe96qgq7OVgrSJDsFC92_laZIjonW"sv,
};
constexpr std::array<std::string_view, 2> k_telegram_bot_token_hits = {
    "TELEGRAM_TOKEN=5596807099:AAVnIwkFeyTujOQw5H-qkG6rDzN2Zpic4Yq"sv,
    "url = 'https://api.telegram.org/bot466176119:AAE4y26G1ncvBC7qt_GvVJE9JGBeMWY2m1d/sendMessage'"sv,
};
constexpr std::array<std::string_view, 1> k_telegram_bot_token_misses = {
    "BOT_TOKEN = \"123456789:ABCdefGhIJKlmNoPQRsTUVwxyZ\""sv,
};
constexpr std::array<std::string_view, 1> k_twilio_credential_hits = {
    "TWILIO_AUTH_TOKEN=50c8be7cf0ce35508d8446c4fafc40d7"sv,
};
constexpr std::array<std::string_view, 2> k_twilio_credential_misses = {
    "TWILIO_ACCOUNT_SID=ACc43c95f3b4e13b7d9a8a07215460f0e1"sv,
    "TWILIO_AUTH_TOKEN=dummy"sv,
};
constexpr std::array<std::string_view, 1> k_url_credentials_hits = {
    "DATABASE_URL=postgres://svc:pC64^vu1zg6Im7@db.internal.example:5432/app"sv,
};
constexpr std::array<std::string_view, 3> k_url_credentials_misses = {
    "DATABASE_URL=postgres://user:password@localhost:5432/app"sv,
    "local: postgres://postgres:postgres@localhost:5432/dev"sv,
    "dsn: postgres://${DB_USER}:${DB_PASS}@${DB_HOST}/app"sv,
};
constexpr std::array<std::string_view, 1> k_xai_api_key_hits = {
    "XAI_API_KEY=xai-aIkmbeuDfUzpvhb25q1QB5yLEqfK9xdndObvmXThWVTHE28qWlM7DB442XTTOltTMi9XHXt4L48W2zSV"sv,
};
constexpr std::array<std::string_view, 1> k_xai_api_key_misses = {
    "XAI_API_KEY=xai-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"sv,
};
const std::array<RuleSamples, 56> kSamples = {{
    {"age-secret-key", k_age_secret_key_hits, k_age_secret_key_misses},
    {"airtable-token", k_airtable_token_hits, k_airtable_token_misses},
    {"anthropic-api-key", k_anthropic_api_key_hits, k_anthropic_api_key_misses},
    {"aws-access-key", k_aws_access_key_hits, k_aws_access_key_misses},
    {"aws-secret-key", k_aws_secret_key_hits, k_aws_secret_key_misses},
    {"aws-session-token", k_aws_session_token_hits, k_aws_session_token_misses},
    {"azure-ad-client-secret", k_azure_ad_client_secret_hits, k_azure_ad_client_secret_misses},
    {"azure-devops-pat", k_azure_devops_pat_hits, k_azure_devops_pat_misses},
    {"azure-openai-key", k_azure_openai_key_hits, k_azure_openai_key_misses},
    {"cohere-api-key", k_cohere_api_key_hits, k_cohere_api_key_misses},
    {"databricks-token", k_databricks_token_hits, k_databricks_token_misses},
    {"deepseek-api-key", k_deepseek_api_key_hits, k_deepseek_api_key_misses},
    {"digitalocean-token", k_digitalocean_token_hits, k_digitalocean_token_misses},
    {"discord-bot-token", k_discord_bot_token_hits, k_discord_bot_token_misses},
    {"discord-webhook-url", k_discord_webhook_url_hits, k_discord_webhook_url_misses},
    {"docker-config-auth", k_docker_config_auth_hits, k_docker_config_auth_misses},
    {"doppler-token", k_doppler_token_hits, k_doppler_token_misses},
    {"figma-token", k_figma_token_hits, k_figma_token_misses},
    {"generic-secret", k_generic_secret_hits, k_generic_secret_misses},
    {"github-token", k_github_token_hits, k_github_token_misses},
    {"gitlab-token", k_gitlab_token_hits, k_gitlab_token_misses},
    {"google-api-key", k_google_api_key_hits, k_google_api_key_misses},
    {"google-oauth-client-secret", k_google_oauth_client_secret_hits, k_google_oauth_client_secret_misses},
    {"grafana-token", k_grafana_token_hits, k_grafana_token_misses},
    {"groq-api-key", k_groq_api_key_hits, k_groq_api_key_misses},
    {"hashicorp-vault-token", k_hashicorp_vault_token_hits, k_hashicorp_vault_token_misses},
    {"huggingface-token", k_huggingface_token_hits, k_huggingface_token_misses},
    {"jwt-token", k_jwt_token_hits, k_jwt_token_misses},
    {"langsmith-api-key", k_langsmith_api_key_hits, k_langsmith_api_key_misses},
    {"linear-api-key", k_linear_api_key_hits, k_linear_api_key_misses},
    {"mailgun-api-key", k_mailgun_api_key_hits, k_mailgun_api_key_misses},
    {"maven-password", k_maven_password_hits, k_maven_password_misses},
    {"mistral-api-key", k_mistral_api_key_hits, k_mistral_api_key_misses},
    {"n8n-api-key", k_n8n_api_key_hits, k_n8n_api_key_misses},
    {"notion-token", k_notion_token_hits, k_notion_token_misses},
    {"npm-token", k_npm_token_hits, k_npm_token_misses},
    {"nuget-password", k_nuget_password_hits, k_nuget_password_misses},
    {"openai-api-key", k_openai_api_key_hits, k_openai_api_key_misses},
    {"openrouter-api-key", k_openrouter_api_key_hits, k_openrouter_api_key_misses},
    {"perplexity-api-key", k_perplexity_api_key_hits, k_perplexity_api_key_misses},
    {"pinecone-api-key", k_pinecone_api_key_hits, k_pinecone_api_key_misses},
    {"postman-api-key", k_postman_api_key_hits, k_postman_api_key_misses},
    {"private-key", k_private_key_hits, k_private_key_misses},
    {"pypi-token", k_pypi_token_hits, k_pypi_token_misses},
    {"replicate-api-token", k_replicate_api_token_hits, k_replicate_api_token_misses},
    {"sendgrid-api-key", k_sendgrid_api_key_hits, k_sendgrid_api_key_misses},
    {"shopify-token", k_shopify_token_hits, k_shopify_token_misses},
    {"slack-token", k_slack_token_hits, k_slack_token_misses},
    {"slack-webhook-url", k_slack_webhook_url_hits, k_slack_webhook_url_misses},
    {"sonarqube-token", k_sonarqube_token_hits, k_sonarqube_token_misses},
    {"stripe-key", k_stripe_key_hits, k_stripe_key_misses},
    {"supabase-key", k_supabase_key_hits, k_supabase_key_misses},
    {"telegram-bot-token", k_telegram_bot_token_hits, k_telegram_bot_token_misses},
    {"twilio-credential", k_twilio_credential_hits, k_twilio_credential_misses},
    {"url-credentials", k_url_credentials_hits, k_url_credentials_misses},
    {"xai-api-key", k_xai_api_key_hits, k_xai_api_key_misses},
}};
} // namespace

std::span<const RuleSamples> all_rule_samples() { return kSamples; }

} // namespace handoff::tokens
