/// <reference types="vite/client" />
// import.meta.env and `?url`/`?worker` imports, the only ambient types the browser code gets.
