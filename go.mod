module github.com/flowc-dev/flowc

go 1.26.8

require (
	github.com/go-python/gpython v0.2.0
	github.com/rogpeppe/go-internal v1.16.0
	golang.org/x/tools v0.38.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	golang.org/x/mod v0.29.0 // indirect
	golang.org/x/sync v0.17.0 // indirect
	golang.org/x/sys v0.37.0 // indirect
)
