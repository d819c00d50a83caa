-- 0006_seed_platform: the Kalshi platform row (spec §3.1). The URLs are the demo environment's;
-- the client's configuration decides which environment is actually used.
INSERT INTO platforms (platform_id, platform_type, display_name, base_url, websocket_url, api_version, auth_method, status)
VALUES ('kalshi', 'trading', 'Kalshi', 'https://demo-api.kalshi.co', 'wss://demo-api.kalshi.co/trade-api/ws/v2', 'v2', 'rsa_pss', 'active');
