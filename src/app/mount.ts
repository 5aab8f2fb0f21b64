import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from '../App.vue'
import { prefetchEmbedded } from './embedded'
import { i18n } from './i18n'
import { router } from './router'
import 'element-plus/theme-chalk/dark/css-vars.css'
import '../styles/theme.css'
import '../styles/a11y.css'
import '../styles/phone.css'
import '../styles/main.css'

// The data set's files download while the app mounts and its first page loads.
prefetchEmbedded(location.hash)
createApp(App).use(createPinia()).use(router).use(i18n).mount('#app')
