# AddressSanitizer and UndefinedBehaviorSanitizer for the test command's debug build.
if(TEMA_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
