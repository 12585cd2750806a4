-- wrk script (bench/flood.sh): failed logins, each for a new unknown address, as a
-- password-spraying client sends them.
local counter = 0

request = function()
  counter = counter + 1
  local body = string.format('{"email":"nobody-%d-%d@flood.test","password":"not-the-password-%d"}',
    math.random(1, 1000000000), counter, counter)
  return wrk.format("POST", "/v2/auth/login", { ["Content-Type"] = "application/json" }, body)
end
