-- POST publish on rotating keys (PUT_KEYS, default 20) of the seeded handle "bench".
local keys = tonumber(os.getenv("PUT_KEYS") or "20")
local counter = 0
request = function()
  counter = counter + 1
  local key = "bench-skill-" .. ((counter % keys) + 1)
  return wrk.format("POST", "/v2/handles/bench/skills/" .. key .. "/publish", nil, nil)
end
