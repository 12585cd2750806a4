-- PUT metadata of existing skills. PUT_HANDLES (comma-separated, default "bench") and PUT_KEYS
-- (default 20) come from the environment; requests rotate over every handle, then every key, so
-- with one handle every PUT queues on that handle's row lock, with 16 they rarely meet.
local handles = {}
for h in string.gmatch(os.getenv("PUT_HANDLES") or "bench", "[^,]+") do
  handles[#handles + 1] = h
end
local keys = tonumber(os.getenv("PUT_KEYS") or "20")
local counter = 0
request = function()
  counter = counter + 1
  local handle = handles[(counter % #handles) + 1]
  local key = "bench-skill-" .. ((math.floor(counter / #handles) % keys) + 1)
  local body = '{"displayName":"Bench skill ' .. counter .. '","description":"Load test.",' ..
    '"systemPrompt":"Answer briefly.","tools":[' ..
    '{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},' ..
    '{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}],"status":"DRAFT"}'
  return wrk.format("PUT", "/v2/handles/" .. handle .. "/skills/" .. key, nil, body)
end
