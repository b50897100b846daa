# Warnings are errors in our own code only; third-party headers come in as
# system includes (imported targets), so their warnings do not stop the build.
function(cp_set_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
    -Wnull-dereference -Wdouble-promotion -Wformat=2 -Werror)
endfunction()
