-- POST publish on rotating keys of the seeded handle.
local counter = 0
request = function()
  counter = counter + 1
  local key = "bench-skill-" .. ((counter % 20) + 1)
  return wrk.format("POST", wrk.path .. "/" .. key .. "/publish", nil, nil)
end
