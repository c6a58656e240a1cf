-- wrk script: requests the paths listed in the file named by PATHS_FILE, in turn.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local counter = math.random(#paths)
request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
