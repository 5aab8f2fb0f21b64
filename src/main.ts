import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { prefetchEmbedded } from './app/embedded'
import { warmEngine } from './app/engine'
import { i18n } from './app/i18n'
import { router } from './app/router'
import 'element-plus/theme-chalk/dark/css-vars.css'
import './styles/theme.css'
import './styles/a11y.css'
import './styles/phone.css'
import './styles/main.css'

// The data set's files download, and the engine compiles in its worker, while the app boots
// and its first page loads.
prefetchEmbedded(location.hash)
warmEngine()
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')
