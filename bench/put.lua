-- PUT metadata on rotating keys of the seeded handle (20 keys, as seeded).
local counter = 0
request = function()
  counter = counter + 1
  local key = "bench-skill-" .. ((counter % 20) + 1)
  local body = '{"displayName":"Bench skill ' .. counter .. '","description":"Load test.",' ..
    '"systemPrompt":"Answer briefly.","tools":[' ..
    '{"type":"http","name":"lookup","config":{"url":"https://api.example.com/lookup"}},' ..
    '{"type":"mcp","name":"search","config":{"url":"https://mcp.example.com/search"}}],"status":"DRAFT"}'
  return wrk.format("PUT", wrk.path .. "/" .. key, nil, body)
end
