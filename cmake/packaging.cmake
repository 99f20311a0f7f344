# The man page and shell completions (generated from the binary's --help, so they cannot
# drift from it), their install rules, and the Debian package: `cpack -G DEB` in a build
# folder gives handoff_<version>_<arch>.deb with /usr/bin/handoff, its runtime Depends
# computed by dpkg-shlibdeps (package dpkg-dev), handoff(1) and bash, zsh and fish completions.
set(HANDOFF_DOCS_DIR ${CMAKE_BINARY_DIR}/generated/docs)
set(HANDOFF_DOCS_FILES
  ${HANDOFF_DOCS_DIR}/handoff.1 ${HANDOFF_DOCS_DIR}/handoff.1.gz ${HANDOFF_DOCS_DIR}/handoff.bash
  ${HANDOFF_DOCS_DIR}/_handoff ${HANDOFF_DOCS_DIR}/handoff.fish)
add_custom_command(OUTPUT ${HANDOFF_DOCS_FILES}
  COMMAND ${CMAKE_COMMAND} -E make_directory ${HANDOFF_DOCS_DIR}
  COMMAND ${CMAKE_COMMAND} -DHANDOFF=$<TARGET_FILE:handoff> -DOUT_DIR=${HANDOFF_DOCS_DIR}
          -DVERSION=${PROJECT_VERSION} -P ${CMAKE_SOURCE_DIR}/cmake/gen_docs.cmake
  DEPENDS handoff ${CMAKE_SOURCE_DIR}/cmake/gen_docs.cmake
  COMMENT "Generating handoff.1 and shell completions from handoff --help"
  VERBATIM)
add_custom_target(handoff_docs ALL DEPENDS ${HANDOFF_DOCS_FILES})

install(FILES ${HANDOFF_DOCS_DIR}/handoff.1.gz DESTINATION share/man/man1)
install(FILES ${HANDOFF_DOCS_DIR}/handoff.bash DESTINATION share/bash-completion/completions RENAME handoff)
install(FILES ${HANDOFF_DOCS_DIR}/_handoff DESTINATION share/zsh/vendor-completions)
install(FILES ${HANDOFF_DOCS_DIR}/handoff.fish DESTINATION share/fish/vendor_completions.d)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/handoff)

# `cpack` and `cmake --install` install what is built (handoff and handoff_docs) without
# building the test suite first: build those two targets, then package.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME handoff)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# The Maintainer field: set HANDOFF_MAINTAINER when publishing the package.
set(HANDOFF_MAINTAINER "handoff maintainers <maintainers@handoff.invalid>" CACHE STRING "Maintainer of the .deb")
set(CPACK_PACKAGE_CONTACT "${HANDOFF_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "audit CI pipelines, n8n automations and AI-agent configs before a handover")
set(CPACK_PACKAGE_DESCRIPTION
  "handoff reads a project the way a careful security reviewer would: embedded tokens, open webhooks, unsafe outbound permissions and missing secret references in GitHub and GitLab CI, Jenkins, n8n and other automation exports, MCP configs and agent settings, with the list of secrets the client must create. It only reads files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
include(CPack)
